// The typed API client over `window.kroi`. It neither knows nor cares whether the bridge
// is Electron's preload or the browser harness: both speak the same contract.
import { ApiError } from './api-error';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput, type EventMap, type EventName, type KroiBridge } from './contract';

export { ApiError, toApiError } from './api-error';

type SessionLostListener = () => void;
const sessionLostListeners = new Set<SessionLostListener>();

function bridge(): KroiBridge {
  const kroi = typeof window === 'undefined' ? undefined : window.kroi;
  if (!kroi) throw new ApiError('UNAVAILABLE', 'The app bridge is not available.');
  return kroi;
}

/** Calls a channel: resolves with its data, or throws an ApiError. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result: unknown;
  try {
    result = await bridge().invoke(channel, input);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // The transport itself failed (harness gone, IPC torn down): the same to the user as an unreachable back end.
    throw new ApiError('UNAVAILABLE', 'The app could not reach its back end.');
  }
  if (typeof result !== 'object' || result === null || !('ok' in result)) {
    throw new ApiError('INTERNAL', 'The back end sent an answer the app does not understand.');
  }
  if (result.ok === true && 'data' in result) return result.data as ChannelOutput<C>;
  const error = ApiError.fromBody('error' in result ? result.error : undefined);
  // UNAUTHENTICATED on a channel that needs a session means the session is gone.
  if (error.code === 'UNAUTHENTICATED' && contract[channel].access !== 'public') {
    for (const listener of sessionLostListeners) listener();
  }
  throw error;
}

/** Subscribes to a push event from the main process; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  const kroi = typeof window === 'undefined' ? undefined : window.kroi;
  if (!kroi) return () => {};
  return kroi.on(event, listener);
}

/** Lets the session store hear that a call found the session gone. */
export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}
