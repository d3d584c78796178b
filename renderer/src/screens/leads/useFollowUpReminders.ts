// A reminder in the app when one of my follow-ups falls due: leads.list {due:'today',
// assignee:'me'} every minute, and a toast for each newly due one, once. Those already due
// when the app opens are summed up in a single toast.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { OPEN_LEAD_STATUSES, type LeadRowDto } from '../../api/contract';
import { toast } from '../../stores/toasts';
import { isDue } from './format';

export const REMINDER_POLL_MS = 60_000;
/** More than this many at once become one toast rather than a stack. */
const MAX_SINGLE = 3;

export function useFollowUpReminders(enabled: boolean): void {
  const { t } = useTranslation();
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });

  useEffect(() => {
    if (!enabled) return;
    // A lead is reminded of once per follow-up time; a new time reminds again.
    const reminded = new Set<string>();
    const keyOf = (lead: LeadRowDto) => `${lead.id}@${lead.nextContactAt ?? ''}`;
    let first = true;
    let stopped = false;

    async function poll() {
      try {
        const page = await call('leads.list', { due: 'today', assignee: 'me', status: [...OPEN_LEAD_STATUSES], sort: 'nextContactAt', dir: 'asc', limit: 100 });
        if (stopped) return;
        const fresh = page.items.filter((lead) => isDue(lead.nextContactAt) && !reminded.has(keyOf(lead)));
        fresh.forEach((lead) => reminded.add(keyOf(lead)));
        const say = tRef.current;
        if (fresh.length === 0) return;
        if (first || fresh.length > MAX_SINGLE) toast.info(say('leads.reminder.summary', { count: fresh.length }));
        else for (const lead of fresh) toast.info(say('leads.reminder.due', { name: lead.name }));
      } catch {
        // Offline for a moment: the next minute tries again.
      } finally {
        first = false;
      }
    }

    void poll();
    const timer = setInterval(() => void poll(), REMINDER_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [enabled]);
}
