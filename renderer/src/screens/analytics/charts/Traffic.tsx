// Page views by path and the top referrers of the period.
import { useTranslation } from 'react-i18next';
import type { DashboardDto } from '../../../api/contract';
import { ChartCard } from '../ChartCard';
import { formatters } from '../format';
import { COLORS } from '../palette';
import type { Period } from '../range';
import { BarList } from './BarList';

export function PagesByPath({ data, period }: { data: DashboardDto; period: Period }) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const top = data.pagesByPath[0];
  return (
    <ChartCard
      id="pages-by-path"
      title={t('analytics.paths.title')}
      summary={top ? t('analytics.paths.summary', { path: top.path, views: fmt.count(top.views) }) : t('analytics.paths.title')}
      period={period}
      empty={data.pagesByPath.length === 0}
      columns={[
        { key: 'path', label: t('analytics.paths.path') },
        { key: 'views', label: t('analytics.paths.views'), numeric: true },
      ]}
      rows={data.pagesByPath}
    >
      <BarList items={data.pagesByPath.slice(0, 12).map((p) => ({ label: p.path, value: p.views }))} valueLabel={t('analytics.paths.views')} />
    </ChartCard>
  );
}

export function Referrers({ data, period }: { data: DashboardDto; period: Period }) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const label = (host: string) => (host === '' ? t('analytics.referrers.direct') : host === '(other)' ? t('analytics.referrers.other') : host);
  const items = data.referrers.map((r) => ({ label: label(r.host), value: r.views }));
  const top = items[0];
  return (
    <ChartCard
      id="top-referrers"
      title={t('analytics.referrers.title')}
      description={t('analytics.referrers.description')}
      summary={top ? t('analytics.referrers.summary', { host: top.label, views: fmt.count(top.value) }) : t('analytics.referrers.title')}
      period={period}
      empty={items.length === 0}
      columns={[
        { key: 'host', label: t('analytics.referrers.host') },
        { key: 'views', label: t('analytics.referrers.views'), numeric: true },
      ]}
      rows={items.map((i) => ({ host: i.label, views: i.value }))}
    >
      <BarList items={items} valueLabel={t('analytics.referrers.views')} color={COLORS.carViews} />
    </ChartCard>
  );
}
