// Push events from the main process to every open renderer: one typed map.
import type { StatusDto } from './dto';

export interface EventMap {
  /** A database or cache connection changed state. */
  'status.changed': StatusDto;
  /** A new lead arrived (also those the website inserts straight into the database). */
  'leads.new': { id: string; name: string; createdAt: string };
  /** Progress of a running backup or restore. */
  'backup.progress': { jobId: string; phase: string; tables: number; bytes: number; done: boolean; error: string | null };
  /** Another PC restored the database: reload everything. */
  'app.reload': { reason: string };
  /** Progress of a CSV import of cars. */
  'cars.importProgress': { jobId: string; done: number; total: number };
  /** Progress of a VACUUM (ANALYZE) run: `table` is the one being worked on, null at the end. */
  'maintenance.progress': { jobId: string; table: string | null; done: number; total: number; finished: boolean; error: string | null };
  /** The signed-in session ended (expired, signed out elsewhere, user deactivated). */
  'session.ended': { reason: 'expired' | 'signedOut' | 'deactivated' };
}

export type EventName = keyof EventMap;

export const EVENT_NAMES: readonly EventName[] = ['status.changed', 'leads.new', 'backup.progress', 'app.reload', 'session.ended', 'cars.importProgress', 'maintenance.progress'];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);

type Listener<E extends EventName> = (payload: EventMap[E]) => void;

/** In-process event bus of the core; transports subscribe and forward to renderers. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(name: E, payload: EventMap[E]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        listener(payload);
      } catch {
        // A failing subscriber must not stop the others.
      }
    }
  }
}
