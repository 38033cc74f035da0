// The Content-Security-Policy of the BUILT renderer: the meta tag Vite wrote into
// dist/renderer/index.html carries shared/csp.ts's policy (less frame-ancestors, which browsers
// ignore in a meta tag), the app:// handler sends it as a header, and the browser enforces it even
// when only the meta tag is there.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, parseCsp } from '../../shared/csp';
import { distDir, expect, test } from './fixtures';
import type { ConsoleApp } from './fixtures';

/** The content of the one CSP meta tag in an HTML document (throws if there is not exactly one). */
function cspMetaOf(html: string): string {
  const tags = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
  expect(tags, 'CSP meta tags in index.html').toHaveLength(1);
  return tags[0]![1]!;
}

const policyWithoutFrameAncestors = () => {
  const expected = parseCsp(CONTENT_SECURITY_POLICY);
  expected.delete('frame-ancestors');
  return Object.fromEntries(expected);
};

/** Takes the CSP reports (violation events and Chromium's console errors about them) out of the
 *  fixture's problem list, so the test can assert on the ones it provoked on purpose. */
function takeCspReports(app: ConsoleApp): string[] {
  const isCsp = (problem: string) => problem.startsWith('CSP violation') || problem.includes('Content Security Policy');
  const reports = app.problems.filter(isCsp);
  app.problems.splice(0, app.problems.length, ...app.problems.filter((problem) => !isCsp(problem)));
  return reports;
}

test('the built index.html carries the policy in its meta tag, and is served with it as a header', async ({ app }) => {
  const built = await readFile(join(distDir, 'index.html'), 'utf8');
  expect(Object.fromEntries(parseCsp(cspMetaOf(built)))).toEqual(policyWithoutFrameAncestors());

  const served = await app.page.request.get(`${app.origin}/index.html`);
  expect(await served.text()).toBe(built);
  expect(served.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
});

test('the meta tag alone blocks inline script and network calls, and the app still runs under it', async ({ app }) => {
  // Serve index.html WITHOUT the header: whatever is enforced now comes from the built meta tag.
  await app.page.route(`${app.origin}/index.html`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  await app.open('/settings');
  expect(takeCspReports(app), 'the app itself needs nothing the policy refuses').toEqual([]);

  const outcome = await app.page.evaluate(async () => {
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.head.append(inline);
    const fetched = await fetch(location.origin + '/index.html').then(
      () => true,
      () => false,
    );
    // Violation events are dispatched asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, fetched };
  });
  // (eval cannot be tried from here: page.evaluate runs through DevTools, which the page's CSP does
  // not govern; shared/csp.test.ts checks the policy has no 'unsafe-eval'.)
  expect(outcome).toEqual({ inlineRan: false, fetched: false });
  const violations = () => app.problems.filter((problem) => problem.startsWith('CSP violation')).join('\n');
  await expect.poll(violations).toMatch(/script-src-elem blocked inline/);
  await expect.poll(violations).toMatch(/connect-src blocked http/);
  takeCspReports(app);
});
