import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, call, onSessionLost, subscribe } from '../../renderer/src/api/client';
import type { KroiBridge } from '../../renderer/src/api/contract';

// The client only reads `window.kroi`; a plain object stands in for the preload here.
function installBridge(invoke: (channel: string, input: unknown) => Promise<unknown>, on: KroiBridge['on'] = () => () => {}) {
  (globalThis as { window?: unknown }).window = { kroi: { invoke, on } };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('api client', () => {
  it('returns data on ok', async () => {
    installBridge(() => Promise.resolve({ ok: true, data: { needsSetup: true, keychainAvailable: false } }));
    await expect(call('auth.setupState', {})).resolves.toEqual({ needsSetup: true, keychainAvailable: false });
  });

  it('throws a typed ApiError with fields and details', async () => {
    installBridge(() =>
      Promise.resolve({
        ok: false,
        error: { code: 'RATE_LIMITED', message: 'Slow down.', fields: { email: 'x', bad: 3 }, details: { retryAfterSeconds: 29.2 } },
      }),
    );
    const error = await call('auth.signIn', { email: 'a@b.fi', password: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('RATE_LIMITED');
    expect(apiError.message).toBe('Slow down.');
    expect(apiError.fields).toEqual({ email: 'x' });
    expect(apiError.retryAfterSeconds).toBe(30);
  });

  it('turns an unknown code into INTERNAL and a transport failure into UNAVAILABLE', async () => {
    installBridge(() => Promise.resolve({ ok: false, error: { code: 'WHAT', message: 'm' } }));
    await expect(call('system.status', {})).rejects.toMatchObject({ code: 'INTERNAL' });
    installBridge(() => Promise.reject(new Error('socket hang up')));
    await expect(call('system.status', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('is UNAVAILABLE without a bridge', async () => {
    await expect(call('system.status', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(typeof subscribe('status.changed', () => {})).toBe('function');
  });

  it('reports a lost session only for channels that need one', async () => {
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    installBridge(() => Promise.resolve({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'no' } }));
    await call('auth.signIn', { email: 'a@b.fi', password: 'x' }).catch(() => undefined);
    expect(lost).not.toHaveBeenCalled();
    await call('system.status', {}).catch(() => undefined);
    expect(lost).toHaveBeenCalledTimes(1);
    stop();
  });
});
