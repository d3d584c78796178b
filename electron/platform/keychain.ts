// The OS keychain (Windows Credential Manager, macOS Keychain, Secret Service on Linux)
// through keytar. keytar is loaded lazily: on a Linux PC without libsecret or a Secret
// Service it throws, and the app must still start (with "keep me signed in" unavailable).
import { createRequire } from 'node:module';
import type { SecretStore } from '../core/secrets';

export const KEYCHAIN_SERVICE = 'Kroi Dealership Desktop';

type Keytar = typeof import('keytar');

const PROBE_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // A D-Bus call to a stuck keyring can hang; start-up must not.
    const timer = setTimeout(() => reject(new Error('The keychain did not answer.')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export function createKeychain(): SecretStore {
  let keytar: Promise<Keytar> | null = null;
  let probe: Promise<boolean> | null = null;

  const load = (): Promise<Keytar> => {
    // require, not import(): CommonJS loading is what Electron's asar support covers for
    // native addons (the .node file is unpacked next to the archive).
    keytar ??= new Promise<Keytar>((resolve) => resolve(createRequire(import.meta.url)('keytar') as Keytar));
    return keytar;
  };

  const available = (): Promise<boolean> => {
    probe ??= withTimeout(
      load().then((k) => k.findCredentials(KEYCHAIN_SERVICE)),
      PROBE_TIMEOUT_MS,
    ).then(
      () => true,
      () => false,
    );
    return probe;
  };

  return {
    available,
    // Reading from an unusable keychain finds nothing rather than stopping start-up.
    async get(account) {
      if (!(await available())) return null;
      return (await load()).getPassword(KEYCHAIN_SERVICE, account);
    },
    async set(account, value) {
      if (!(await available())) throw new Error('The system keychain is not available on this computer.');
      await (await load()).setPassword(KEYCHAIN_SERVICE, account, value);
    },
    async delete(account) {
      if (!(await available())) return;
      await (await load()).deletePassword(KEYCHAIN_SERVICE, account);
    },
  };
}
