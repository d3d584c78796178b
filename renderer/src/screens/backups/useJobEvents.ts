// Follows one background job (a backup, restore, copy or VACUUM) through its push events.
// Events may arrive before the call that started the job has answered with its id, so the
// latest event of recent jobs is kept and picked up when the job is tracked.
import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribe } from '../../api/client';
import type { EventMap } from '../../api/contract';

type JobEvent = 'backup.progress' | 'maintenance.progress';
const KEEP = 20;

export function useJobEvents<E extends JobEvent>(event: E, onEvent?: (payload: EventMap[E]) => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [latest, setLatest] = useState<EventMap[E] | null>(null);
  const recent = useRef(new Map<string, EventMap[E]>());
  const tracked = useRef<string | null>(null);
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  });

  useEffect(
    () =>
      subscribe(event, (payload: EventMap[E]) => {
        const map = recent.current;
        map.delete(payload.jobId);
        map.set(payload.jobId, payload);
        if (map.size > KEEP) map.delete(map.keys().next().value as string);
        if (payload.jobId === tracked.current) {
          setLatest(payload);
          listener.current?.(payload);
        }
      }),
    [event],
  );

  const track = useCallback((id: string | null) => {
    tracked.current = id;
    setJobId(id);
    const known = id ? (recent.current.get(id) ?? null) : null;
    setLatest(known);
    if (known) listener.current?.(known);
  }, []);

  return { jobId, latest, track };
}
