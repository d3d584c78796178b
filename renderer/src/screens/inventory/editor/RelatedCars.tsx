// Cars like this one (same brand or category, near in price), each a link into its editor.
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import type { CarRowDto } from '../../../api/contract';
import { formatEur } from '../format';
import { StatusBadge } from '../StatusBadge';

export function RelatedCars({ carId }: { carId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [cars, setCars] = useState<CarRowDto[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    call('cars.related', { id: carId })
      .then((rows) => live && setCars(rows))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [carId]);

  return (
    <section className="panel side-panel" aria-labelledby={headingId} data-testid="related-cars">
      <h2 className="panel__title" id={headingId}>
        {t('inventory.related.title')}
      </h2>
      {failed ? (
        <p className="muted">{t('inventory.related.failed')}</p>
      ) : cars === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : cars.length === 0 ? (
        <p className="muted">{t('inventory.related.none')}</p>
      ) : (
        <ul className="related-list">
          {cars.map((car) => (
            <li key={car.id}>
              <Link to={`/inventory/${car.id}`} className="related-list__link">
                <span className="related-list__name">{car.name}</span>
                <span className="related-list__meta">
                  {car.year} · {formatEur(car.priceEur)}
                </span>
              </Link>
              <StatusBadge status={car.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
