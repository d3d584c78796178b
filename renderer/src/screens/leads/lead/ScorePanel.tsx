// The lead score with its priority and the rules that gave it (see scoring.ts in the core).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDto } from '../../../api/contract';
import { PriorityBadge } from '../shared/PriorityBadge';
import { formatPoints, isScoreRule } from '../shared/score-rules';

export function ScorePanel({ lead }: { lead: LeadDto }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel lead-panel" aria-labelledby={headingId} data-testid="score-panel">
      <h2 className="panel__title" id={headingId}>
        {t('leads.score.heading')}
      </h2>
      <p className="lead-score">
        <span className="lead-score__value">{t('leads.score.outOf', { score: lead.leadScore })}</span>
        <PriorityBadge priority={lead.priority} score={lead.leadScore} />
      </p>
      {lead.scoreReasons.length ? (
        <ul className="lead-reasons" aria-label={t('leads.score.reasons')}>
          {lead.scoreReasons.map((reason, index) => (
            <li key={`${reason.rule}-${index}`} className={reason.points < 0 ? 'lead-reasons__item lead-reasons__item--minus' : 'lead-reasons__item'}>
              <span>{isScoreRule(reason.rule) ? t(`leads.rules.${reason.rule}`) : reason.rule}</span>
              <span className="lead-reasons__points">{formatPoints(reason.points)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="leads-muted">{t('leads.score.none')}</p>
      )}
      <p className="leads-muted lead-panel__hint">{t('leads.score.priorities')}</p>
    </section>
  );
}
