// Where secrets live: the OS keychain in the app (electron/platform/keychain.ts), never a
// file, a log or the renderer. The core sees only this interface.

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<void>;
  /** False where no keychain works (e.g. Linux without a Secret Service). */
  available(): Promise<boolean>;
}

/** Keychain account names. */
export const SECRET = {
  serverPassword: 'db-password',
  redisPassword: 'redis-password',
  embeddedPassword: 'embedded-db-password',
  sessionToken: 'session-token',
} as const;

/** A store for processes without a keychain: holds nothing and says so. */
export const noSecretStore: SecretStore = {
  get: async () => null,
  set: async () => {
    throw new Error('No keychain is available on this computer.');
  },
  delete: async () => undefined,
  available: async () => false,
};
