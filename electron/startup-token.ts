// The `npm start` hand-over: a sandbox URL and a freshly minted token in II_SANDBOX_BASE_URL and
// II_API_TOKEN. A development path only: a packaged app ignores it, so a token left in an
// operator's shell environment never turns into a profile by itself. Either way the token is taken
// out of the environment it came from, so nothing read later (a child process, a crash report, the
// "Import from II_API_TOKEN" button) finds it there.

export interface StartupToken {
  token: string;
  sandboxBaseUrl: string;
}

/** Reads the hand-over and deletes II_API_TOKEN from `env` (main passes `process.env` itself). */
export function takeStartupToken(env: Record<string, string | undefined>, options: { isPackaged: boolean }): StartupToken | null {
  const token = env.II_API_TOKEN;
  const sandboxBaseUrl = env.II_SANDBOX_BASE_URL;
  delete env.II_API_TOKEN;
  if (options.isPackaged || !token || !sandboxBaseUrl) return null;
  return { token, sandboxBaseUrl };
}
