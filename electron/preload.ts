// The sandboxed preload: exposes `window.kroi = { invoke, on }` and nothing else.
// Bundled to CommonJS with zod and the contract inlined (a sandboxed preload can only
// require 'electron'). Unknown channels and events are refused here, before any IPC.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type KroiBridge } from './core/api/bridge';
import { isChannelName, type ChannelName, type ChannelOutput } from './core/api/contract';
import type { ApiResult } from './core/api/errors';
import { isEventName, type EventMap, type EventName } from './core/api/events';

type AnyListener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<AnyListener>>();

// One IPC listener for all events: the renderer's callbacks get the payload only, never
// the Electron event (which would expose `sender`, i.e. ipcRenderer).
ipcRenderer.on(IPC_EVENT, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`kroi: a listener of ${name} failed`, error);
    }
  }
});

function invoke<C extends ChannelName>(channel: C, input: unknown): Promise<ApiResult<ChannelOutput<C>>> {
  if (!isChannelName(channel)) {
    return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: 'Unknown channel.' } });
  }
  const sent: Promise<unknown> = ipcRenderer.invoke(IPC_INVOKE, channel, input);
  // The main process always answers an ApiResult; a rejection means IPC itself failed
  // (e.g. the input could not be cloned), which the caller sees as a normal error result.
  return sent.then(
    (result) => result as ApiResult<ChannelOutput<C>>,
    () => ({ ok: false, error: { code: 'VALIDATION', message: 'The request could not be sent.' } }),
  );
}

function on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event).slice(0, 80)}`);
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
  }
  const wrapped: AnyListener = (payload) => listener(payload as EventMap[E]);
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
  };
}

const kroi: KroiBridge = { invoke, on };

contextBridge.exposeInMainWorld('kroi', kroi);
