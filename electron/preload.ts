// The preload: puts the contract-built bridge on window.ii and nothing else. Bundled as one CJS
// file (vite.main.config.ts) because sandboxed preloads cannot load other modules.
import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('ii', buildPreloadApi(ipcRenderer));
