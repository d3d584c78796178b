// The car's page views per day over 90 days (cars.views), as a small area chart. The chart
// is an image to assistive technology, labelled with the figures that matter.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call } from '../../../api/client';
import type { CarViewsPointDto } from '../../../api/contract';
import { formatCount } from '../format';

const dayLabel = (day: string) => {
  const [, month, date] = day.split('-');
  return `${Number(date)}.${Number(month)}.`;
};

export function ViewsChart({ carId }: { carId: string }) {
  const { t } = useTranslation();
  const [points, setPoints] = useState<CarViewsPointDto[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    call('cars.views', { id: carId })
      .then((data) => live && setPoints(data))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [carId]);

  if (failed) return <p className="muted">{t('inventory.stats.viewsFailed')}</p>;
  if (!points) return <p className="muted">{t('common.loading')}</p>;
  const total = points.reduce((sum, p) => sum + p.views, 0);
  const peak = points.reduce((best, p) => (p.views > best.views ? p : best), points[0] ?? { day: '', views: 0 });
  const summary = total
    ? t('inventory.stats.chartSummary', { total: formatCount(total), peak: formatCount(peak.views), day: dayLabel(peak.day) })
    : t('inventory.stats.noViews');

  if (total === 0) return <p className="muted" data-testid="views-chart">{summary}</p>;
  return (
    <figure className="views-chart" data-testid="views-chart">
      <figcaption className="views-chart__caption">{t('inventory.stats.chartTitle', { total: formatCount(total) })}</figcaption>
      <div className="views-chart__plot" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={120}>
          <AreaChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -24 }} accessibilityLayer={false}>
            <XAxis dataKey="day" tickFormatter={dayLabel} interval={29} tick={{ fontSize: 11, fill: '#4f5b67' }} tickLine={false} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#4f5b67' }} tickLine={false} axisLine={false} width={48} />
            <Tooltip labelFormatter={(label) => dayLabel(String(label))} formatter={(value) => [formatCount(Number(value)), t('inventory.stats.views')]} />
            <Area type="monotone" dataKey="views" stroke="#1f5fbf" fill="#e8f0fc" strokeWidth={1.5} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
