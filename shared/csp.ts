// The renderer's Content-Security-Policy, in one place. Main sends it as a header on every app://
// response; renderer/index.html carries the same string in a meta tag; the end-to-end harness
// serves it as a header. `connect-src 'none'`: the renderer makes no network calls at all.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
