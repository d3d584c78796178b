// The shape of `window.kroi`, the only thing the preload (or the browser harness's
// bridge script) exposes to the renderer.
import type { ChannelInput, ChannelName, ChannelOutput } from './contract';
import type { ApiResult } from './errors';
import type { EventMap, EventName } from './events';

export interface KroiBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>>;
  /** Subscribes to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Electron IPC channel names used between preload and main (never seen by the renderer). */
export const IPC_INVOKE = 'kroi:invoke';
export const IPC_EVENT = 'kroi:event';
