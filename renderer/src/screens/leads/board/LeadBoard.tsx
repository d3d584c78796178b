// The inbox as a board: a column per status. Cards move by pointer drag or by their "Move to…"
// menu; either way only LEAD_STATUS_MOVES[from] is offered, and LOST asks for the reason.
import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type Active, type Announcements, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUS_MOVES, LEAD_STATUSES, type LeadRowDto, type LeadStatus } from '../../../api/contract';
import { shownStatuses, type InboxQuery } from '../inbox/inbox-input';
import { LostReasonDialog } from '../shared/LostReasonDialog';
import { useMoveLead } from '../shared/useMoveLead';
import { BoardColumn, type FocusTarget } from './BoardColumn';
import { CardBody } from './BoardCard';

interface LeadBoardProps {
  query: InboxQuery;
  reloadToken: number;
  canWork: boolean;
  onChanged: () => void;
}

const isStatus = (value: unknown): value is LeadStatus => typeof value === 'string' && (LEAD_STATUSES as readonly string[]).includes(value);

function leadOf(active: Pick<Active, 'data'> | null): LeadRowDto | null {
  const lead: unknown = active?.data.current?.['lead'];
  return typeof lead === 'object' && lead !== null && 'id' in lead && 'status' in lead && isStatus(lead.status) ? (lead as LeadRowDto) : null;
}

export function LeadBoard({ query, reloadToken, canWork, onChanged }: LeadBoardProps) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<LeadRowDto | null>(null);
  // The moved card is re-rendered in its new column; keyboard focus follows it there.
  const [focusOn, setFocusOn] = useState<FocusTarget | null>(null);
  const move = useMoveLead((lead) => {
    setFocusOn({ id: lead.id, status: lead.status });
    onChanged();
  }, onChanged);
  // A small distance first, so a click on the grip is not a drag.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const statuses = shownStatuses(query);

  const statusName = (id: unknown) => (isStatus(id) ? t(`leads.status.${id}`) : '');
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('leads.board.picked', { name: leadOf(active)?.name ?? '' }),
    onDragOver: ({ active, over }) => (over ? t('leads.board.over', { name: leadOf(active)?.name ?? '', status: statusName(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('leads.board.dropped', { name: leadOf(active)?.name ?? '', status: statusName(over.id) }) : t('leads.board.cancelled')),
    onDragCancel: () => t('leads.board.cancelled'),
  };

  function onDragStart(event: DragStartEvent) {
    setDragged(leadOf(event.active));
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const lead = leadOf(event.active);
    const to = event.over?.id;
    if (lead && isStatus(to) && LEAD_STATUS_MOVES[lead.status].includes(to)) move.request(lead, to);
  }

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('leads.board.instructions') } }}
    >
      <div className="lead-board" data-testid="lead-board">
        {statuses.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            query={query}
            reloadToken={reloadToken}
            canWork={canWork}
            busy={move.busy}
            accepts={dragged && dragged.status !== status ? LEAD_STATUS_MOVES[dragged.status].includes(status) : null}
            onMove={move.request}
            focusOn={focusOn}
            onFocused={() => setFocusOn(null)}
          />
        ))}
      </div>
      <DragOverlay>{dragged ? <div className="board-card board-card--overlay"><CardBody lead={dragged} isNew={false} /></div> : null}</DragOverlay>
      {move.pendingLost ? <LostReasonDialog open name={move.pendingLost.lead.name} busy={move.busy} onConfirm={move.confirmLost} onCancel={move.cancelLost} /> : null}
    </DndContext>
  );
}
