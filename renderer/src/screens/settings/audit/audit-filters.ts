// The audit screen's filter form (strings, as the inputs hold them) and its translation
// into the contract's query. Dates are whole local days: "to" includes the day it names.
import type { ChannelInput } from '../../../api/contract';

export interface AuditFilterForm {
  userId: string;
  action: string;
  entityType: string;
  /** yyyy-mm-dd from <input type="date">, or ''. */
  from: string;
  to: string;
}

export type AuditQuery = ChannelInput<'audit.exportCsv'>;

export const EMPTY_FILTERS: AuditFilterForm = { userId: '', action: '', entityType: '', from: '', to: '' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of the day, as an ISO instant; `addDays` moves it. */
export function localDayStart(day: string, addDays = 0): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** True when both dates are set and the end comes before the start. */
export const rangeIsReversed = (form: AuditFilterForm): boolean => DAY.test(form.from) && DAY.test(form.to) && form.to < form.from;

export function toAuditQuery(form: AuditFilterForm): AuditQuery {
  const text = (value: string) => value.trim() || null;
  return {
    userId: text(form.userId),
    action: text(form.action),
    entityType: text(form.entityType),
    from: localDayStart(form.from),
    // The service's upper bound is exclusive: the start of the next day keeps all of "to".
    to: localDayStart(form.to, 1),
  };
}
