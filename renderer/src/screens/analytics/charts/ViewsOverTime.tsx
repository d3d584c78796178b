// Page views, sessions and car views per UTC day.
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardDto } from '../../../api/contract';
import { ChartCard } from '../ChartCard';
import type { Cell } from '../chart-export';
import { formatters } from '../format';
import { AXIS_TICK, COLORS } from '../palette';
import type { Period } from '../range';

export function ViewsOverTime({ data, period }: { data: DashboardDto; period: Period }) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const days = data.viewsByDay;
  const series = [
    { key: 'pageViews', label: t('analytics.views.pageViews'), color: COLORS.pageViews },
    { key: 'carViews', label: t('analytics.views.carViews'), color: COLORS.carViews },
    { key: 'sessions', label: t('analytics.views.sessions'), color: COLORS.sessions },
  ] as const;
  const peak = days.reduce((best, d) => (d.pageViews > best.pageViews ? d : best), days[0] ?? { day: '', pageViews: 0, sessions: 0, carViews: 0 });
  const empty = days.every((d) => d.pageViews === 0 && d.carViews === 0);
  const summary = t('analytics.views.summary', {
    pageViews: fmt.count(data.kpis.visits.value),
    carViews: fmt.count(data.kpis.carViews.value),
    sessions: fmt.count(data.kpis.sessions.value),
    days: days.length,
    peakDay: peak.day ? fmt.dayLong(peak.day) : '—',
    peak: fmt.count(peak.pageViews),
  });
  return (
    <ChartCard
      id="views-over-time"
      title={t('analytics.views.title')}
      description={t('analytics.views.description')}
      summary={summary}
      period={period}
      empty={empty}
      wide
      legend={series.map((s) => ({ label: s.label, color: s.color }))}
      columns={[
        { key: 'day', label: t('analytics.views.day') },
        ...series.map((s) => ({ key: s.key, label: s.label, numeric: true })),
      ]}
      rows={days.map((d): Record<string, Cell> => ({ ...d }))}
    >
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={days} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="day" tickFormatter={fmt.day} tick={AXIS_TICK} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => fmt.count(v)} tick={AXIS_TICK} width={64} allowDecimals={false} />
          <Tooltip labelFormatter={(label) => fmt.dayLong(String(label))} formatter={(value) => fmt.count(Number(value))} />
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
