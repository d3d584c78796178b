// The car's status and the moves allowed from it (the contract's CAR_STATUS_MOVES); SOLD
// asks for the sale price and date. Each move is cars.setStatus with the loaded version.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAR_STATUS_MOVES, type CarDto, type CarStatus } from '../../../api/contract';
import { formatDate, formatEur } from '../format';
import { StatusBadge } from '../StatusBadge';
import { SoldDialog } from './SoldDialog';

interface StatusPanelProps {
  car: CarDto;
  canEdit: boolean;
  busy: boolean;
  onMove: (status: CarStatus, sale?: { soldPriceEur: number; soldAt: string }) => Promise<boolean>;
}

export function StatusPanel({ car, canEdit, busy, onMove }: StatusPanelProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [selling, setSelling] = useState(false);
  const moves = car.deletedAt ? [] : CAR_STATUS_MOVES[car.status];

  return (
    <section className="panel side-panel" aria-labelledby={headingId} data-testid="status-panel">
      <h2 className="panel__title" id={headingId}>
        {t('inventory.statusPanel.title')}
      </h2>
      <p className="status-now">
        <span className="muted">{t('inventory.statusPanel.now')}</span> <StatusBadge status={car.status} />
      </p>
      {car.status === 'SOLD' ? (
        <dl className="facts">
          <dt>{t('inventory.statusPanel.soldPrice')}</dt>
          <dd>{formatEur(car.soldPriceEur)}</dd>
          <dt>{t('inventory.statusPanel.soldAt')}</dt>
          <dd>{formatDate(car.soldAt, i18n.language)}</dd>
        </dl>
      ) : null}
      {canEdit && moves.length ? (
        <div className="status-moves" role="group" aria-label={t('inventory.statusPanel.moves')}>
          {moves.map((status) => (
            <button
              key={status}
              type="button"
              className={status === 'SOLD' ? 'button button--primary button--small' : 'button button--ghost-dark button--small'}
              disabled={busy}
              onClick={() => (status === 'SOLD' ? setSelling(true) : void onMove(status))}
            >
              {t(`inventory.statusPanel.moveTo.${status}`)}
            </button>
          ))}
        </div>
      ) : null}
      {selling ? (
        <SoldDialog
          open
          askingPrice={car.priceEur}
          busy={busy}
          onCancel={() => setSelling(false)}
          onSell={(soldPriceEur, soldAt) => {
            void onMove('SOLD', { soldPriceEur, soldAt }).then((ok) => ok && setSelling(false));
          }}
        />
      ) : null}
    </section>
  );
}
