// Leads per status under the inbox's other filters (leads.counts); refreshed with the list.
import { useEffect, useState } from 'react';
import { call, subscribe } from '../../../api/client';
import type { ChannelInput, LeadCountsDto } from '../../../api/contract';

export function useLeadCounts(input: ChannelInput<'leads.counts'>, reloadToken: number): LeadCountsDto | null {
  const [counts, setCounts] = useState<LeadCountsDto | null>(null);
  const [arrivals, setArrivals] = useState(0);
  const key = JSON.stringify(input);

  useEffect(() => subscribe('leads.new', () => setArrivals((n) => n + 1)), []);

  useEffect(() => {
    let current = true;
    call('leads.counts', JSON.parse(key) as ChannelInput<'leads.counts'>)
      .then((answer) => {
        if (current) setCounts(answer);
      })
      .catch(() => {
        // The counts are a help, not the list: on failure they just stay as they were.
      });
    return () => {
      current = false;
    };
  }, [key, reloadToken, arrivals]);

  return counts;
}
