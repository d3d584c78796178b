// The IPC transport: one invoke channel into the core's router, one event channel out.
// Calls are accepted only from the trusted window's own top frame showing app://bundle/.
// Session tokens live here, per window, and never cross to the renderer.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../core/api/bridge';
import type { ApiErrorBody, ApiResult } from '../core/api/errors';
import { EVENT_NAMES, type EventBus, type EventMap, type EventName } from '../core/api/events';
import type { CallContext, Router } from '../core/api/router';
import type { Logger } from '../core/logger';
import { SECRET, type SecretStore } from '../core/secrets';
import { APP_ORIGIN } from './app-protocol-path';

/** Keychain account of the "keep me signed in" token. */
const SESSION_TOKEN_ACCOUNT = SECRET.sessionToken;

export interface IpcDeps {
  /** Resolves with the core's router once it started; rejects when start-up failed. */
  router: () => Promise<Router>;
  secrets: SecretStore;
  logger: Logger;
}

export interface IpcTransport {
  /** Lets this window call (its top frame only, while it shows app://bundle/). */
  trust(contents: WebContents): void;
  /** Forwards every core event to the trusted windows; returns the unsubscribe. */
  forwardEvents(events: EventBus): () => void;
  dispose(): void;
}

const fail = (error: ApiErrorBody): ApiResult<never> => ({ ok: false, error });
const showsApp = (url: string): boolean => url.startsWith(`${APP_ORIGIN}/`);

export function createIpcTransport(deps: IpcDeps): IpcTransport {
  const { secrets, logger } = deps;
  const trusted = new Set<WebContents>();
  const tokens = new Map<number, string>();

  function isTrustedSender(event: IpcMainInvokeEvent): boolean {
    const contents = event.sender;
    const frame = event.senderFrame; // null once the frame navigated away or was destroyed
    if (!frame || !trusted.has(contents) || contents.isDestroyed()) return false;
    const top = contents.mainFrame;
    const isTop = frame === top || (frame.processId === top.processId && frame.routingId === top.routingId);
    return isTop && frame.parent === null && showsApp(frame.url);
  }

  async function keepToken(token: string | null, remember: boolean): Promise<void> {
    if (token !== null && remember) {
      await secrets.set(SESSION_TOKEN_ACCOUNT, token);
      return;
    }
    // Signing out, or signing in without "keep me signed in": no older token may linger.
    await secrets.delete(SESSION_TOKEN_ACCOUNT).catch((error: unknown) => logger.warn('keychain delete failed', error));
  }

  function contextFor(contents: WebContents, keychainAvailable: boolean): CallContext {
    const id = contents.id;
    return {
      sessionToken: tokens.get(id) ?? null,
      async setSessionToken(token, remember) {
        if (token === null) tokens.delete(id);
        else tokens.set(id, token);
        await keepToken(token, remember && keychainAvailable);
      },
      async rememberedToken() {
        if (!keychainAvailable) return null;
        try {
          return await secrets.get(SESSION_TOKEN_ACCOUNT);
        } catch (error) {
          logger.warn('keychain read failed', error);
          return null;
        }
      },
      keychainAvailable,
    };
  }

  async function onInvoke(event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (!isTrustedSender(event)) {
      logger.warn('IPC call refused: not the app window', { url: event.senderFrame?.url.slice(0, 200) ?? null });
      return fail({ code: 'FORBIDDEN', message: 'This caller may not use the app.' });
    }
    let router: Router;
    try {
      router = await deps.router();
    } catch {
      return fail({ code: 'UNAVAILABLE', message: 'The app could not start its back end.' });
    }
    try {
      const keychainAvailable = await secrets.available();
      return await router.call(channel, input, contextFor(event.sender, keychainAvailable));
    } catch (error) {
      // The router maps handler errors itself; this is a last line so the renderer always gets an answer.
      logger.error('IPC call failed', error);
      return fail({ code: 'INTERNAL', message: 'Something went wrong. The error was logged.' });
    }
  }

  function broadcast<E extends EventName>(name: E, payload: EventMap[E]): void {
    for (const contents of trusted) {
      if (!contents.isDestroyed() && showsApp(contents.getURL())) contents.send(IPC_EVENT, name, payload);
    }
  }

  ipcMain.handle(IPC_INVOKE, onInvoke);

  return {
    trust(contents) {
      const id = contents.id; // read now: a destroyed WebContents throws on access
      trusted.add(contents);
      contents.once('destroyed', () => {
        trusted.delete(contents);
        tokens.delete(id);
      });
    },
    forwardEvents(events) {
      const offs = EVENT_NAMES.map((name) => events.on(name, (payload) => broadcast(name, payload)));
      return () => {
        for (const off of offs) off();
      };
    },
    dispose() {
      ipcMain.removeHandler(IPC_INVOKE);
      trusted.clear();
      tokens.clear();
    },
  };
}
