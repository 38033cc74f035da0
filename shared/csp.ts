// The renderer's Content-Security-Policy, in one place. Main sends it as a header on every app://
// response (electron/protocol-handler.ts, which the end-to-end harness serves through too);
// renderer/index.html carries the same string in a meta tag (vite.config.ts). It starts from
// nothing (`default-src 'none'`) and adds back only what the built renderer uses, so anything new
// (a font, a worker, a frame, a manifest) is refused until someone adds it here on purpose.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // The bundle (assets/index-*.js); no inline script, no eval.
  "script-src 'self'",
  // The stylesheet, plus Mantine's own inline styles: it writes its theme variables into <style>
  // elements at run time and sets `style="--button-height: …"` attributes on most components. A
  // nonce cannot help: the files are static, so a nonce would be the same on every load.
  "style-src 'self' 'unsafe-inline'",
  // Only the favicon placeholder `<link rel="icon" href="data:,">` (no favicon request under app://).
  // No fonts at all: the theme uses the system font stack, so font-src stays at 'none'.
  'img-src data:',
  // The renderer makes no network calls: every API request goes through main.
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `directive → sources` for a policy string (the tests compare policies with it). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
