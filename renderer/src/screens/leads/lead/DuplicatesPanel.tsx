// Open leads of the last 30 days with the same email or phone. Merging one folds it into this
// lead (its notes and activities move over; it is archived).
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import type { LeadDto, LeadRowDto } from '../../../api/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatDateTime } from '../format';
import { LeadStatusBadge } from '../shared/LeadStatusBadge';
import type { LeadState } from './useLead';

export function DuplicatesPanel({ lead, state, canWork }: { lead: LeadDto; state: LeadState; canWork: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [merging, setMerging] = useState<LeadRowDto | null>(null);
  if (lead.possibleDuplicates.length === 0) return null;

  async function merge(source: LeadRowDto) {
    await state.run(() => call('leads.merge', { sourceId: source.id, targetId: lead.id }), t('leads.duplicates.merged', { name: source.name }));
    setMerging(null);
  }

  return (
    <section className="panel lead-panel lead-panel--warn" aria-labelledby={headingId} data-testid="duplicates-panel">
      <h2 className="panel__title" id={headingId}>
        {t('leads.duplicates.heading', { count: lead.possibleDuplicates.length })}
      </h2>
      <p className="leads-muted lead-panel__hint">{t('leads.duplicates.intro')}</p>
      <ul className="lead-duplicates">
        {lead.possibleDuplicates.map((dup) => (
          <li key={dup.id} className="lead-duplicates__item">
            <p>
              <Link to={`/leads/${dup.id}`}>{dup.name}</Link> <LeadStatusBadge status={dup.status} />
            </p>
            <p className="leads-muted">
              {dup.email} · {formatDateTime(dup.createdAt, i18n.language)}
            </p>
            {canWork ? (
              <button type="button" className="button button--ghost-dark button--small" disabled={state.busy} onClick={() => setMerging(dup)}>
                {t('leads.duplicates.merge')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={merging !== null}
        title={t('leads.duplicates.confirmTitle')}
        confirmLabel={t('leads.duplicates.merge')}
        busy={state.busy}
        onConfirm={() => {
          if (merging) void merge(merging);
        }}
        onCancel={() => setMerging(null)}
      >
        <p>{t('leads.duplicates.confirmBody', { source: merging?.name ?? '', target: lead.name })}</p>
      </ConfirmDialog>
    </section>
  );
}
