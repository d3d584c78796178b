// Cars in stock by days in stock (0–30, 31–60, 61–90, over 90), with the cars of each bucket.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell as BarCell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardDto, StockAgeBucket } from '../../../api/contract';
import { ChartCard } from '../ChartCard';
import { formatters } from '../format';
import { AXIS_TICK, COLORS } from '../palette';
import type { Period } from '../range';

const BUCKET_COLORS: Record<StockAgeBucket, string> = { '0-30': COLORS.good, '31-60': COLORS.bars, '61-90': COLORS.needsImprovement, '90+': COLORS.poor };

export function StockAge({ data, period }: { data: DashboardDto; period: Period }) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const label = (b: StockAgeBucket) => t(`analytics.stock.buckets.${b}`);
  const items = data.stockAge.map((b) => ({ label: label(b.bucket), value: b.count, bucket: b.bucket }));
  const total = items.reduce((sum, b) => sum + b.value, 0);
  return (
    <ChartCard
      id="stock-age"
      title={t('analytics.stock.title')}
      description={t('analytics.stock.description', { at: fmt.instant(data.stockAt) })}
      summary={t('analytics.stock.summary', { total: fmt.count(total), old: fmt.count(data.stockAge.find((b) => b.bucket === '90+')?.count ?? 0) })}
      period={period}
      empty={total === 0}
      columns={[
        { key: 'bucket', label: t('analytics.stock.bucket') },
        { key: 'count', label: t('analytics.stock.count'), numeric: true },
      ]}
      rows={items.map((b) => ({ bucket: b.label, count: b.value }))}
      after={
        total > 0 ? (
          <div className="stock-lists">
            {data.stockAge
              .filter((b) => b.count > 0)
              .map((b) => (
                <details key={b.bucket} className="stock-list" data-testid={`stock-bucket-${b.bucket}`}>
                  <summary>{t('analytics.stock.listTitle', { bucket: label(b.bucket), count: b.count })}</summary>
                  <ul>
                    {b.cars.map((car) => (
                      <li key={car.id}>
                        <Link to={`/inventory/${car.id}`}>{car.name}</Link> <span className="muted">· {t('analytics.stock.days')} {fmt.count(car.days)}</span>
                      </li>
                    ))}
                    {b.count > b.cars.length ? <li className="muted">{t('analytics.stock.more', { count: b.count - b.cars.length })}</li> : null}
                  </ul>
                </details>
              ))}
          </div>
        ) : null
      }
    >
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={items} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={48} />
          <Tooltip formatter={(value) => [fmt.count(Number(value)), t('analytics.stock.count')]} cursor={{ fill: '#eef1f5' }} />
          <Bar dataKey="value" name={t('analytics.stock.count')} isAnimationActive={false} barSize={48}>
            {items.map((b) => (
              <BarCell key={b.bucket} fill={BUCKET_COLORS[b.bucket]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
