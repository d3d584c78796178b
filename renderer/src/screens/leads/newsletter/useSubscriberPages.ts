// Newsletter subscribers a page at a time through newsletter.list's cursor.
import { call } from '../../../api/client';
import type { ChannelInput, SubscriberDto } from '../../../api/contract';
import { useCursorPages, type CursorPages } from '../../../lib/useCursorPages';

type Filters = Omit<ChannelInput<'newsletter.list'>, 'cursor' | 'limit'>;
const PAGE_SIZE = 50;

const fetchSubscribers = (filters: Filters, cursor: string | null) => call('newsletter.list', { ...filters, cursor, limit: PAGE_SIZE });

export function useSubscriberPages(filters: Filters): CursorPages<SubscriberDto> {
  return useCursorPages(filters, fetchSubscribers);
}
