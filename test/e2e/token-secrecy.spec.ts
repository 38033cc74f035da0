// Issue 3 item 10: import a freshly minted token, use every screen that exists, then look for the
// token everywhere the renderer or main could have leaked it. Only the encrypted file may hold it,
// and that file must not contain it in clear either.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { seedProfile } from './support';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

test('the token appears in no IPC payload, DOM, page storage, console output, log or settings file', async ({ app }) => {
  test.slow(); // visits every screen twice
  const profile = await seedProfile(app, { name: 'Sandbox', baseUrl: app.sandbox.baseUrl, environment: 'sandbox' }, { activate: true });
  const token = await app.sandbox.mintToken({ name: 'secrecy' });
  const signature = token.split('.')[2] ?? '';
  expect(signature.length).toBeGreaterThan(20);
  // Forms the token could leak in: as is, its secret part, base64-encoded, URL-encoded.
  const needles = [token, signature, Buffer.from(token).toString('base64'), encodeURIComponent(token)];
  const leaks = (haystack: string) => needles.filter((n) => haystack.includes(n)).length;

  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  const shell = new ShellPage(app.page);
  app.session.fakes.clipboard.writeText(token);
  await settings.importToken('clipboard');
  await expect(settings.tokenDescription).toBeVisible();
  await settings.testConnection();
  await expect(app.page.getByTestId('connection-ok')).toBeVisible();
  await settings.detectBasePath();
  await expect(app.page.getByTestId('base-path-detected')).toBeVisible();

  // Every screen that exists, twice (first visit and a revisit with cached data).
  for (let round = 0; round < 2; round++) {
    for (const id of await shell.navLinkIds()) {
      await shell.navLink(id).click();
      await expect(shell.navLink(id)).toHaveAttribute('aria-current', 'page');
      await app.page.waitForLoadState('networkidle');
    }
  }
  await app.page.reload();
  await expect(shell.shell).toBeVisible();

  // IPC, both directions (and main→renderer events).
  expect(app.session.records.length).toBeGreaterThan(10);
  const ipcLeaks = app.session.records.filter((r) => leaks(JSON.stringify(r)) > 0).map((r) => `${r.direction} ${r.channel}`);
  expect(ipcLeaks).toEqual([]);

  // DOM.
  expect(leaks(await app.page.content())).toBe(0);

  // Page storage: localStorage, sessionStorage, every IndexedDB store.
  const storage = await app.page.evaluate(async () => {
    const dump: Record<string, unknown> = { local: { ...localStorage }, session: { ...sessionStorage } };
    const databases = await indexedDB.databases();
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((done, fail) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error);
        });
        dump[`idb:${info.name}:${storeName}`] = values;
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
  expect(leaks(storage)).toBe(0);

  // Console output.
  expect(leaks(app.consoleLines.join('\n'))).toBe(0);

  // Every file main wrote under userData: settings, logs, activity, the ciphertext itself.
  const files = await filesUnder(app.session.userDataDir);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const bytes = await readFile(file);
    const asText = bytes.toString('utf8');
    expect(leaks(asText), `token found in ${file}`).toBe(0);
    expect(bytes.includes(Buffer.from(signature)), `signature found in ${file}`).toBe(false);
  }
  // The token was really stored encrypted (not kept only in memory): the fake keychain encrypted it.
  expect(app.session.fakes.safeStorage.state.encryptCalls).toBeGreaterThan(0);
  const description = await app.session.call('token:describe', { profileId: profile.id });
  expect(description?.storage).toBe('keychain');
  // And the clipboard no longer holds it.
  expect(app.session.fakes.clipboard.peek()).toBe('');
});
