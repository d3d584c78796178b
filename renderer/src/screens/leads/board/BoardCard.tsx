// A lead on the board. Dragged by its grip with a pointer; the keyboard way is the card's
// "Move to…" menu, so the grip itself is not a control.
import { useDraggable } from '@dnd-kit/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LeadRowDto, LeadStatus } from '../../../api/contract';
import { formatDate, isDue } from '../format';
import { MoveMenu } from '../shared/MoveMenu';
import { PriorityBadge } from '../shared/PriorityBadge';

interface BoardCardProps {
  lead: LeadRowDto;
  canWork: boolean;
  busy: boolean;
  isNew: boolean;
  onMove: (lead: LeadRowDto, to: LeadStatus) => void;
  /** Take keyboard focus (on the lead's link) once shown, then report it. */
  focus: boolean;
  onFocused: () => void;
}

export function BoardCard({ lead, canWork, busy, isNew, onMove, focus, onFocused }: BoardCardProps) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: lead.id, data: { lead }, disabled: !canWork || busy });
  const item = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (!focus) return;
    item.current?.querySelector('a')?.focus();
    onFocused();
  }, [focus, onFocused]);
  return (
    <li
      ref={(element) => {
        item.current = element;
        setNodeRef(element);
      }}
      className={`board-card${isDragging ? ' board-card--dragging' : ''}${isNew ? ' board-card--new' : ''}`}
      data-testid="board-card"
      data-id={lead.id}
    >
      {canWork ? (
        <span className="board-card__grip" aria-hidden="true" {...listeners}>
          ⠿
        </span>
      ) : null}
      <CardBody lead={lead} isNew={isNew} />
      {canWork ? <MoveMenu from={lead.status} name={lead.name} disabled={busy} onMove={(to) => onMove(lead, to)} /> : null}
    </li>
  );
}

/** The card's text; also what the drag overlay shows. */
export function CardBody({ lead, isNew }: { lead: LeadRowDto; isNew: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="board-card__body">
      <p className="board-card__title">
        <Link to={`/leads/${lead.id}`}>{lead.name}</Link>
        {isNew ? <span className="leads-new-tag">{t('leads.table.new')}</span> : null}
      </p>
      <p className="board-card__meta">
        <PriorityBadge priority={lead.priority} score={lead.leadScore} />
        <span>{formatDate(lead.createdAt, i18n.language)}</span>
      </p>
      {lead.carName ? <p className="board-card__line">{lead.carName}</p> : null}
      <p className="board-card__line leads-muted">{lead.assignedToName ?? t('leads.table.unassigned')}</p>
      {lead.nextContactAt ? (
        <p className={`board-card__line${isDue(lead.nextContactAt) ? ' leads-due' : ''}`}>
          {t('leads.board.nextContact', { date: formatDate(lead.nextContactAt, i18n.language) })}
        </p>
      ) : null}
    </div>
  );
}
