// Core Web Vitals: one metric's 75th percentile per UTC day against web.dev's good / needs
// improvement / poor bands, for every page or one route, with the period's rating shares.
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { rateVital, VITAL_NAMES, VITAL_THRESHOLDS, type VitalName, type VitalsDto } from '../../../api/contract';
import { ChartCard } from '../ChartCard';
import { formatters, type Formatters } from '../format';
import { AXIS_TICK, COLORS } from '../palette';
import type { Period } from '../range';

/** 1, 2 or 5 times a power of ten, at or above x: a round top for the axis. */
const niceCeil = (x: number) => {
  const power = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= x) ?? 10) * power;
};

const unitValue = (fmt: Formatters, name: VitalName, value: number | null) =>
  value === null ? '—' : name === 'CLS' ? fmt.decimal(value, 3) : `${fmt.count(value)} ms`;

interface Props {
  vitals: VitalsDto;
  period: Period;
  metric: VitalName;
  onMetric: (metric: VitalName) => void;
  path: string | null;
  onPath: (path: string | null) => void;
  routes: readonly string[];
}

export function WebVitals({ vitals, period, metric, onMetric, path, onPath, routes }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const [good, poor] = VITAL_THRESHOLDS[metric];
  const series = vitals.series.find((s) => s.name === metric)?.days ?? [];
  const summary = vitals.summary.find((s) => s.name === metric);
  const withValues = series.filter((d) => d.p75 !== null);
  const top = niceCeil(Math.max(poor * 1.25, ...withValues.map((d) => d.p75 ?? 0)));
  const latest = withValues.at(-1);
  const pathLabel = (p: string | null) => (p === null ? t('analytics.vitals.allPages') : p === '/autot/*' ? t('analytics.vitals.carPages') : p);
  const ratingLabel = (value: number) => {
    const rating = rateVital(metric, value);
    return rating === 'good' ? t('analytics.vitals.good') : rating === 'poor' ? t('analytics.vitals.poor') : t('analytics.vitals.needsImprovement');
  };
  const share = (n: number) => (summary && summary.n > 0 ? fmt.percent((100 * n) / summary.n, 0) : '—');

  const columns = [
    { key: 'day', label: t('analytics.vitals.day') },
    ...VITAL_NAMES.flatMap((name) => [
      { key: `${name}_p75`, label: `${name} p75`, numeric: true, kind: name === 'CLS' ? ('decimal' as const) : ('count' as const) },
      { key: `${name}_n`, label: `${name} ${t('analytics.vitals.samples')}`, numeric: true },
    ]),
  ];
  const rows = (vitals.series[0]?.days ?? []).map((d, i) => {
    const row: Record<string, string | number | null> = { day: d.day };
    for (const s of vitals.series) {
      row[`${s.name}_p75`] = s.days[i]?.p75 ?? null;
      row[`${s.name}_n`] = s.days[i]?.n ?? 0;
    }
    return row;
  });

  const controls = (
    <div className="vitals-controls">
      <div className="segmented" role="group" aria-label={t('analytics.vitals.metric')}>
        {VITAL_NAMES.map((name) => (
          <button key={name} type="button" className={`button button--small ${metric === name ? 'segmented__on' : 'button--ghost'}`} aria-pressed={metric === name} title={t(`analytics.vitals.names.${name}`)} onClick={() => onMetric(name)}>
            {name}
          </button>
        ))}
      </div>
      <label className="vitals-path">
        <span>{t('analytics.vitals.path')}</span>
        <select className="field__input" value={path ?? ''} onChange={(e) => onPath(e.target.value === '' ? null : e.target.value)}>
          <option value="">{t('analytics.vitals.allPages')}</option>
          {routes.map((r) => (
            <option key={r} value={r}>
              {pathLabel(r)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );

  return (
    <ChartCard
      id="web-vitals"
      title={t('analytics.vitals.title')}
      description={t('analytics.vitals.description')}
      summary={t('analytics.vitals.summary', {
        metric: t(`analytics.vitals.names.${metric}`),
        path: pathLabel(path),
        latest: latest ? unitValue(fmt, metric, latest.p75) : t('analytics.vitals.noSamples'),
        rating: latest?.p75 != null ? ratingLabel(latest.p75) : '—',
        poorDays: withValues.filter((d) => d.p75 !== null && d.p75 > poor).length,
        days: withValues.length,
      })}
      period={period}
      empty={withValues.length === 0}
      wide
      controls={controls}
      legend={[
        { label: t('analytics.vitals.goodUpTo', { value: unitValue(fmt, metric, good) }), color: COLORS.good },
        { label: t('analytics.vitals.poorAbove', { value: unitValue(fmt, metric, poor) }), color: COLORS.poor },
        { label: `${metric} p75`, color: COLORS.pageViews },
      ]}
      columns={columns}
      rows={rows}
      after={
        summary && summary.n > 0 ? (
          <p className="vitals-shares" data-testid="vitals-shares">
            <span className="vitals-shares__good">{t('analytics.vitals.good')}</span> {share(summary.good)} ·{' '}
            <span className="vitals-shares__ni">{t('analytics.vitals.needsImprovement')}</span> {share(summary.needsImprovement)} ·{' '}
            <span className="vitals-shares__poor">{t('analytics.vitals.poor')}</span> {share(summary.poor)} <span className="muted">({fmt.count(summary.n)} {t('analytics.vitals.samples').toLowerCase()})</span>
          </p>
        ) : null
      }
    >
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={series} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <ReferenceArea y1={0} y2={good} fill={COLORS.goodSoft} fillOpacity={1} ifOverflow="hidden" />
          <ReferenceArea y1={good} y2={poor} fill={COLORS.needsImprovementSoft} fillOpacity={1} ifOverflow="hidden" />
          <ReferenceArea y1={poor} y2={top} fill={COLORS.poorSoft} fillOpacity={1} ifOverflow="hidden" />
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="day" tickFormatter={fmt.day} tick={AXIS_TICK} minTickGap={24} />
          <YAxis domain={[0, top]} tickFormatter={(v: number) => (metric === 'CLS' ? fmt.decimal(v, 2) : fmt.count(v))} tick={AXIS_TICK} width={64} />
          <Tooltip
            labelFormatter={(label) => fmt.dayLong(String(label))}
            formatter={(value) => {
              const v = Number(value);
              return [`${unitValue(fmt, metric, v)} (${ratingLabel(v)})`, `${metric} p75`];
            }}
          />
          <Line type="monotone" dataKey="p75" name={`${metric} p75`} stroke={COLORS.pageViews} strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
