// One status column of the board: its own pages of leads (leads.list with that status) and a
// drop target that accepts only the moves allowed from the dragged lead's status.
import { useDroppable } from '@dnd-kit/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRowDto, LeadStatus } from '../../../api/contract';
import { errorText } from '../../../lib/error-text';
import { listInput, type InboxQuery } from '../inbox/inbox-input';
import { useNewLeads } from '../new-leads-store';
import { LoadMore } from '../shared/LoadMore';
import { formatTotal } from '../format';
import { useLeadPages } from '../shared/useLeadPages';
import { BoardCard } from './BoardCard';

const COLUMN_PAGE = 20;

/** A card just moved, and the status it moved to. */
export interface FocusTarget {
  id: string;
  status: LeadStatus;
}

interface BoardColumnProps {
  status: LeadStatus;
  query: InboxQuery;
  reloadToken: number;
  canWork: boolean;
  busy: boolean;
  /** While a card is dragged: whether it may be dropped here (null when nothing is dragged). */
  accepts: boolean | null;
  onMove: (lead: LeadRowDto, to: LeadStatus) => void;
  /** The card that should take keyboard focus once it shows in its new column. */
  focusOn: FocusTarget | null;
  onFocused: () => void;
}

export function BoardColumn({ status, query, reloadToken, canWork, busy, accepts, onMove, focusOn, onFocused }: BoardColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const unseen = useNewLeads((state) => state.unseen);
  const input = useMemo(() => {
    const { cursor: _cursor, ...rest } = listInput(query, [status], null, COLUMN_PAGE);
    return rest;
  }, [query, status]);
  const pages = useLeadPages(input, reloadToken);
  const { setNodeRef, isOver } = useDroppable({ id: status, disabled: accepts !== true });
  const state = accepts === null ? '' : accepts ? (isOver ? ' board-column--over' : ' board-column--accepts') : ' board-column--refuses';

  return (
    <section ref={setNodeRef} className={`board-column lead-status--${status.toLowerCase()}-edge${state}`} aria-labelledby={headingId} data-testid="board-column" data-status={status}>
      <h2 className="board-column__title" id={headingId}>
        {t(`leads.status.${status}`)} <span className="board-column__count">{formatTotal(pages)}</span>
      </h2>
      {pages.error ? (
        <p className="field__error" role="alert">
          {errorText(t, pages.error)}{' '}
          <button type="button" className="button button--ghost button--small" onClick={pages.reload}>
            {t('leads.common.retry')}
          </button>
        </p>
      ) : null}
      {pages.rows.length ? (
        <ul className="board-column__cards">
          {pages.rows.map((lead) => (
            <BoardCard
              key={lead.id}
              lead={lead}
              canWork={canWork}
              busy={busy}
              isNew={unseen.has(lead.id)}
              onMove={onMove}
              focus={focusOn?.id === lead.id && focusOn.status === status && lead.status === status}
              onFocused={onFocused}
            />
          ))}
        </ul>
      ) : !pages.loading && !pages.error ? (
        <p className="board-column__empty">{t('leads.board.empty')}</p>
      ) : null}
      <LoadMore pages={pages} shown={pages.rows.length} />
    </section>
  );
}
