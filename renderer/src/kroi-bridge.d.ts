// `window.kroi` is put there by the Electron preload or by the browser harness's bridge
// script. It is optional here so that code must cope with it missing.
import type { KroiBridge } from '../../electron/core/api/bridge';

declare global {
  interface Window {
    readonly kroi?: KroiBridge;
  }
}

export {};
