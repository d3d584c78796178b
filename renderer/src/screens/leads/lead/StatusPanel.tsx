// The lead's status and the moves allowed from it; LOST asks for the reason first.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { LEAD_STATUS_MOVES, type LeadDto, type LeadStatus } from '../../../api/contract';
import { LeadStatusBadge } from '../shared/LeadStatusBadge';
import { LostReasonDialog } from '../shared/LostReasonDialog';
import type { LeadState } from './useLead';

export function StatusPanel({ lead, state, canWork }: { lead: LeadDto; state: LeadState; canWork: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [askingLost, setAskingLost] = useState(false);
  const moves = lead.anonymizedAt ? [] : LEAD_STATUS_MOVES[lead.status];

  async function move(status: LeadStatus, lostReason?: string) {
    const failed = await state.run(
      () => call('leads.setStatus', { id: lead.id, version: lead.version, status, ...(lostReason ? { lostReason } : {}) }),
      t('leads.move.done', { name: lead.name, status: t(`leads.status.${status}`) }),
    );
    if (!failed || failed.code === 'CONFLICT') setAskingLost(false);
  }

  return (
    <section className="panel lead-panel" aria-labelledby={headingId} data-testid="status-panel">
      <h2 className="panel__title" id={headingId}>
        {t('leads.lead.status')}
      </h2>
      <p className="lead-status-now" data-testid="lead-status">
        <LeadStatusBadge status={lead.status} />
      </p>
      {lead.status === 'LOST' && lead.lostReason ? (
        <p className="lead-panel__hint">
          <span className="leads-muted">{t('leads.lead.lostReason')}</span> {lead.lostReason}
        </p>
      ) : null}
      {canWork && moves.length ? (
        <div className="lead-moves" role="group" aria-label={t('leads.move.allowed')}>
          {moves.map((status) => (
            <button
              key={status}
              type="button"
              className={status === 'WON' ? 'button button--primary button--small' : 'button button--ghost-dark button--small'}
              disabled={state.busy}
              onClick={() => (status === 'LOST' ? setAskingLost(true) : void move(status))}
              data-testid={`move-${status}`}
            >
              {t('leads.move.to', { status: t(`leads.status.${status}`) })}
            </button>
          ))}
        </div>
      ) : null}
      {askingLost ? <LostReasonDialog open name={lead.name} busy={state.busy} onConfirm={(reason) => void move('LOST', reason)} onCancel={() => setAskingLost(false)} /> : null}
    </section>
  );
}
