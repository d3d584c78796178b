// The cars viewed most, and the cars with the most leads, in the period.
import { useTranslation } from 'react-i18next';
import type { CarFigureDto } from '../../../api/contract';
import { ChartCard } from '../ChartCard';
import { formatters } from '../format';
import { COLORS } from '../palette';
import type { Period } from '../range';
import { BarList } from './BarList';

export function TopCars({ kind, cars, period }: { kind: 'views' | 'leads'; cars: readonly CarFigureDto[]; period: Period }) {
  const { t, i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const valueLabel = kind === 'views' ? t('analytics.topCars.views') : t('analytics.topCars.leads');
  const name = (c: CarFigureDto) => c.name ?? t('analytics.topCars.removed');
  const items = cars.map((c) => ({ label: name(c), value: c.value }));
  const title = kind === 'views' ? t('analytics.topCars.viewsTitle') : t('analytics.topCars.leadsTitle');
  return (
    <ChartCard
      id={kind === 'views' ? 'top-cars-by-views' : 'top-cars-by-leads'}
      title={title}
      summary={cars[0] ? t('analytics.topCars.summary', { name: name(cars[0]), value: fmt.count(cars[0].value) }) : title}
      period={period}
      empty={cars.length === 0}
      columns={[
        { key: 'name', label: t('analytics.topCars.car') },
        { key: 'value', label: valueLabel, numeric: true },
        { key: 'carId', label: t('analytics.topCars.carId') },
      ]}
      rows={cars.map((c) => ({ name: name(c), value: c.value, carId: c.carId }))}
    >
      <BarList items={items} valueLabel={valueLabel} color={kind === 'views' ? COLORS.bars : COLORS.barsAlt} />
    </ChartCard>
  );
}
