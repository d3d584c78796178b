// The Analytics screen (managers' dashboards): a period with an optional comparison, the key
// figures, and the charts of traffic, leads, web vitals and stock age.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VitalName } from '../../api/contract';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { errorText } from '../../lib/error-text';
import { LeadsBySource, LeadsFunnel } from './charts/Leads';
import { StockAge } from './charts/StockAge';
import { TopCars } from './charts/TopCars';
import { PagesByPath, Referrers } from './charts/Traffic';
import { ViewsOverTime } from './charts/ViewsOverTime';
import { WebVitals } from './charts/WebVitals';
import { formatters } from './format';
import { KpiCards } from './KpiCards';
import { RangePicker } from './RangePicker';
import { presetPeriod, type Period, type Preset } from './range';
import { useAnalytics } from './useAnalytics';
import './analytics.css';

export function AnalyticsScreen() {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const [preset, setPreset] = useState<Preset>('days30');
  const [custom, setCustom] = useState<Period | null>(null);
  const [compare, setCompare] = useState(true);
  const [metric, setMetric] = useState<VitalName>('LCP');
  const [vitalsPath, setVitalsPath] = useState<string | null>(null);
  // A preset ends at tomorrow's midnight: the same period (and cache key) all day.
  const period = useMemo(() => (preset === 'custom' && custom ? custom : presetPeriod(preset === 'custom' ? 'days30' : preset, Date.now())), [preset, custom]);
  const { dashboard, vitals, loading, error, reload } = useAnalytics(period, compare, vitalsPath);
  const shown = dashboard;
  const lastDay = new Date(Date.parse(period.to) - 1).toISOString().slice(0, 10);

  return (
    <Page title={t('analytics.title')}>
      <div className="analytics">
        <div className="analytics__controls panel">
          <RangePicker
            preset={preset}
            period={period}
            compare={compare}
            onPreset={(p) => {
              setPreset(p);
              setCustom(null);
            }}
            onCustom={(p) => {
              setCustom(p);
              setPreset('custom');
            }}
            onCompare={setCompare}
          />
          <p className="analytics__period" data-testid="analytics-period">
            {t('analytics.range.current', { from: fmt.dayLong(period.from.slice(0, 10)), to: fmt.dayLong(lastDay) })}
            {shown?.previous ? (
              <span className="muted">
                {' · '}
                {t('analytics.range.previous', { from: fmt.dayLong(shown.previous.from.slice(0, 10)), to: fmt.dayLong(new Date(Date.parse(shown.previous.to) - 1).toISOString().slice(0, 10)) })}
              </span>
            ) : null}
          </p>
          <p className="analytics__note muted">
            {t('analytics.utcNote')} {shown?.rolledUpTo ? t('analytics.rolledUpTo', { day: fmt.dayLong(new Date(Date.parse(`${shown.rolledUpTo}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)) }) : null}
          </p>
          <p className="analytics__status" role="status">
            {loading && shown ? t('analytics.updating') : ''}
          </p>
        </div>

        {error ? (
          <ErrorState message={errorText(t, error)} onRetry={reload} />
        ) : !shown || !vitals ? (
          <Loading label={t('analytics.loading')} />
        ) : (
          <div className={`analytics__body${loading ? ' analytics__body--stale' : ''}`} aria-busy={loading}>
            <KpiCards data={shown} />
            <div className="chart-grid">
              <ViewsOverTime data={shown} period={period} />
              <TopCars kind="views" cars={shown.topCarsByViews} period={period} />
              <TopCars kind="leads" cars={shown.topCarsByLeads} period={period} />
              <LeadsFunnel data={shown} period={period} />
              <LeadsBySource data={shown} period={period} />
              <PagesByPath data={shown} period={period} />
              <Referrers data={shown} period={period} />
              <WebVitals
                vitals={vitals}
                period={period}
                metric={metric}
                onMetric={setMetric}
                path={vitalsPath}
                onPath={setVitalsPath}
                routes={vitals.routes.map((r) => r.path)}
              />
              <StockAge data={shown} period={period} />
            </div>
          </div>
        )}
      </div>
    </Page>
  );
}
