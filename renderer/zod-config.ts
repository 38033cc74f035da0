// Must be the renderer's first import. zod 4 probes `new Function` to decide whether it may JIT
// object parsers; under our CSP (script-src 'self', no unsafe-eval) the probe is caught but the
// browser still reports a CSP violation. jitless skips the probe; parsing stays correct.
import { z } from 'zod';

z.config({ jitless: true });
