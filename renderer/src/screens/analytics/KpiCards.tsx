// The key figures of the period, each with its change against the previous period.
import { useTranslation } from 'react-i18next';
import type { AnalyticsKpisDto, DashboardDto, KpiDto } from '../../api/contract';
import { formatters, type Formatters } from './format';

type KpiKey = keyof AnalyticsKpisDto;

/** How each figure is written, and which way is better (for the colour of the change). */
const KPIS: readonly { key: KpiKey; format: (f: Formatters, v: number | null) => string; better: 'up' | 'down' }[] = [
  { key: 'visits', format: (f, v) => f.count(v), better: 'up' },
  { key: 'sessions', format: (f, v) => f.count(v), better: 'up' },
  { key: 'carViews', format: (f, v) => f.count(v), better: 'up' },
  { key: 'leads', format: (f, v) => f.count(v), better: 'up' },
  { key: 'conversionPct', format: (f, v) => f.percent(v, 2), better: 'up' },
  { key: 'medianMinutesToFirstContact', format: (f, v) => f.minutes(v), better: 'down' },
  { key: 'carsInStock', format: (f, v) => f.count(v), better: 'up' },
  { key: 'avgDaysInStock', format: (f, v) => f.decimal(v, 1), better: 'down' },
  { key: 'carsSold', format: (f, v) => f.count(v), better: 'up' },
  { key: 'soldValueEur', format: (f, v) => f.eur(v), better: 'up' },
];

function change(kpi: KpiDto): number | null {
  if (kpi.value === null || kpi.previous === null || kpi.previous === 0) return null;
  return (100 * (kpi.value - kpi.previous)) / Math.abs(kpi.previous);
}

export function KpiCards({ data }: { data: DashboardDto }) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  return (
    <section aria-label={t('analytics.kpi.label')}>
      <ul className="kpi-grid">
        {KPIS.map(({ key, format, better }) => {
          const kpi = data.kpis[key];
          const pct = change(kpi);
          const direction = pct === null || Math.abs(pct) < 0.05 ? 'same' : pct > 0 ? 'up' : 'down';
          const tone = direction === 'same' ? 'neutral' : direction === better ? 'good' : 'bad';
          const changeText = pct === null ? '' : fmt.percent(Math.abs(pct), 1);
          return (
            <li key={key} className="kpi" data-testid={`kpi-${key}`}>
              <span className="kpi__label">{t(`analytics.kpi.${key}`)}</span>
              <span className="kpi__value">{format(fmt, kpi.value)}</span>
              {data.previous ? (
                <span className={`kpi__change kpi__change--${tone}`}>
                  {kpi.previous === null ? (
                    t('analytics.kpi.noPrevious')
                  ) : direction === 'same' || pct === null ? (
                    <>
                      {pct === null ? null : t('analytics.kpi.same')}
                      <span className="kpi__previous">{t('analytics.kpi.previous', { value: format(fmt, kpi.previous) })}</span>
                    </>
                  ) : (
                    <>
                      <span aria-hidden="true">{direction === 'up' ? t('analytics.kpi.up', { change: changeText }) : t('analytics.kpi.down', { change: changeText })}</span>
                      <span className="visually-hidden">
                        {t('analytics.kpi.changeSr', {
                          direction: direction === 'up' ? t('analytics.kpi.directionUp') : t('analytics.kpi.directionDown'),
                          change: changeText,
                          previous: format(fmt, kpi.previous),
                        })}
                      </span>
                      <span className="kpi__previous" aria-hidden="true">
                        {t('analytics.kpi.previous', { value: format(fmt, kpi.previous) })}
                      </span>
                    </>
                  )}
                </span>
              ) : null}
              {key === 'carsInStock' ? <span className="kpi__hint">{t('analytics.kpi.stockAtHint', { at: fmt.instant(data.stockAt) })}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
