// Days in stock and the car's views.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarDto } from '../../../api/contract';
import { formatCount, formatDate } from '../format';
import { ViewsChart } from './ViewsChart';

export function StatsPanel({ car }: { car: CarDto }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel side-panel" aria-labelledby={headingId} data-testid="stats-panel">
      <h2 className="panel__title" id={headingId}>
        {t('inventory.stats.title')}
      </h2>
      <dl className="facts">
        <dt>{t('inventory.columns.daysInStock')}</dt>
        <dd data-testid="days-in-stock">{formatCount(car.daysInStock)}</dd>
        <dt>{t('inventory.stats.stockedAt')}</dt>
        <dd>{formatDate(car.stockedAt, i18n.language)}</dd>
        <dt>{t('inventory.stats.viewsTotal')}</dt>
        <dd>{formatCount(car.views)}</dd>
        <dt>{t('inventory.stats.updatedAt')}</dt>
        <dd>{formatDate(car.updatedAt, i18n.language)}</dd>
      </dl>
      <ViewsChart carId={car.id} />
    </section>
  );
}
