// Who the customer is and what they asked: contact details, the message and the car asked
// about (which opens in the inventory).
import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LeadDto } from '../../../api/contract';
import { DASH, formatDateTime } from '../format';

export function ContactPanel({ lead }: { lead: LeadDto }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const lang = i18n.language;
  return (
    <section className="panel lead-panel" aria-labelledby={headingId} data-testid="contact-panel">
      <h2 className="panel__title" id={headingId}>
        {t('leads.lead.contact')}
      </h2>
      <dl className="lead-facts">
        <dt>{t('leads.lead.email')}</dt>
        <dd className="lead-facts__wrap">{lead.email}</dd>
        <dt>{t('leads.lead.phone')}</dt>
        <dd>{lead.phone ?? DASH}</dd>
        <dt>{t('leads.lead.source')}</dt>
        <dd>{t(`leads.source.${lead.source}`)}</dd>
        <dt>{t('leads.lead.received')}</dt>
        <dd>{formatDateTime(lead.createdAt, lang)}</dd>
        <dt>{t('leads.lead.car')}</dt>
        <dd>{lead.carId ? <Link to={`/inventory/${lead.carId}`} data-testid="lead-car-link">{lead.carName ?? t('leads.lead.openCar')}</Link> : DASH}</dd>
        {lead.firstContactedAt ? (
          <>
            <dt>{t('leads.lead.firstContacted')}</dt>
            <dd>{formatDateTime(lead.firstContactedAt, lang)}</dd>
          </>
        ) : null}
        {lead.closedAt ? (
          <>
            <dt>{t('leads.lead.closed')}</dt>
            <dd>{formatDateTime(lead.closedAt, lang)}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="lead-panel__subtitle">{lead.subject ?? t('leads.lead.message')}</h3>
      <p className="lead-message" data-testid="lead-message">
        {lead.message}
      </p>
    </section>
  );
}
