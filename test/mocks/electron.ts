// Stand-in for the `electron` module in plain-Node tests (aliased in vitest.config.ts).
// Logic modules never import electron; they take its APIs as injected interfaces. If a test ever
// reaches this module, it fails loudly instead of trying to download the Electron binary.
const refuse = (name: string) => {
  throw new Error(`electron.${name} was imported in a Node test; inject the API instead`);
};
export const app = new Proxy({}, { get: (_t, p) => refuse(`app.${String(p)}`) });
export const safeStorage = new Proxy({}, { get: (_t, p) => refuse(`safeStorage.${String(p)}`) });
export const ipcMain = new Proxy({}, { get: (_t, p) => refuse(`ipcMain.${String(p)}`) });
export default { app, safeStorage, ipcMain };
