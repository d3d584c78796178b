// Leads of the period by their status now (in pipeline order, as a funnel) and by source.
import { useTranslation } from 'react-i18next';
import type { DashboardDto } from '../../../api/contract';
import { ChartCard } from '../ChartCard';
import { formatters } from '../format';
import { COLORS } from '../palette';
import type { Period } from '../range';
import { BarList } from './BarList';

export function LeadsFunnel({ data, period }: { data: DashboardDto; period: Period }) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const items = data.leadsByStatus.map((s) => ({ label: t(`leads.status.${s.status}`), value: s.count }));
  const total = data.leadsByStatus.reduce((sum, s) => sum + s.count, 0);
  const won = data.leadsByStatus.find((s) => s.status === 'WON')?.count ?? 0;
  return (
    <ChartCard
      id="leads-by-status"
      title={t('analytics.funnel.title')}
      description={t('analytics.funnel.description')}
      summary={t('analytics.funnel.summary', { total: fmt.count(total), won: fmt.count(won) })}
      period={period}
      empty={total === 0}
      columns={[
        { key: 'status', label: t('analytics.funnel.status') },
        { key: 'count', label: t('analytics.funnel.count'), numeric: true },
      ]}
      rows={items.map((i) => ({ status: i.label, count: i.value }))}
      after={data.spamLeads > 0 ? <p className="muted chart-card__note">{t('analytics.funnel.spam', { count: data.spamLeads })}</p> : null}
    >
      <BarList items={items} valueLabel={t('analytics.funnel.count')} color={COLORS.barsAlt} />
    </ChartCard>
  );
}

export function LeadsBySource({ data, period }: { data: DashboardDto; period: Period }) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const items = [...data.leadsBySource].sort((a, b) => b.count - a.count).map((s) => ({ label: t(`leads.source.${s.source}`), value: s.count }));
  const top = items[0];
  return (
    <ChartCard
      id="leads-by-source"
      title={t('analytics.sources.title')}
      summary={top ? t('analytics.sources.summary', { source: top.label, count: fmt.count(top.value) }) : t('analytics.sources.title')}
      period={period}
      empty={items.every((i) => i.value === 0)}
      columns={[
        { key: 'source', label: t('analytics.sources.source') },
        { key: 'count', label: t('analytics.sources.count'), numeric: true },
      ]}
      rows={items.map((i) => ({ source: i.label, count: i.value }))}
    >
      <BarList items={items} valueLabel={t('analytics.sources.count')} />
    </ChartCard>
  );
}
