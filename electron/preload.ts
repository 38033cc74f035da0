// The preload: puts the contract-built bridge on window.ii and nothing else. Bundled as one CJS
// file (vite.main.config.ts) because sandboxed preloads cannot load other modules.
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { buildPreloadApi } from './preload-api';

// zod probes `new Function` to decide whether to JIT its parsers; under the app's CSP (no
// 'unsafe-eval') that probe is reported as a violation. Event payloads parse fine without it.
z.config({ jitless: true });

contextBridge.exposeInMainWorld('ii', buildPreloadApi(ipcRenderer));
