// The car's history from the audit log (cars.history): who, when, and what changed from what.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { CarHistoryEntryDto } from '../../../api/contract';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { errorText } from '../../../lib/error-text';
import type { Messages } from '../../../i18n/en';
import { formatDateTime } from '../format';
import { describeValue, fieldName } from './field-values';

type ActionKey = keyof Messages['inventory']['history']['actions'];
const ACTIONS: Record<string, ActionKey> = {
  'car.create': 'create',
  'car.update': 'update',
  'car.update.price': 'price',
  'car.status': 'status',
  'car.delete': 'delete',
  'car.restore': 'restore',
  'car.purge': 'purge',
};

export function HistoryTab({ carId, version }: { carId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<CarHistoryEntryDto[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reloads, setReloads] = useState(0);

  // Read again whenever the car's version moves (a save or a status change adds a line).
  useEffect(() => {
    let live = true;
    setError(null);
    call('cars.history', { id: carId })
      .then((rows) => live && setEntries(rows))
      .catch((e: unknown) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [carId, version, reloads]);

  if (error) return <ErrorState message={errorText(t, error)} onRetry={() => setReloads((n) => n + 1)} />;
  if (!entries) return <Loading />;
  if (entries.length === 0) return <EmptyState title={t('inventory.history.emptyTitle')} headingLevel={3} />;

  return (
    <ol className="history" data-testid="history">
      {entries.map((entry) => {
        const action = ACTIONS[entry.action];
        const changes = Object.entries(entry.changes ?? {});
        return (
          <li key={entry.id} className="history__entry">
            <p className="history__head">
              <strong>{action ? t(`inventory.history.actions.${action}`) : entry.action}</strong>
              <span className="muted">
                {' · '}
                {formatDateTime(entry.at, i18n.language)}
                {' · '}
                {entry.userEmail ?? t('inventory.history.system')}
              </span>
            </p>
            {changes.length ? (
              <table className="data-table history__changes">
                <caption className="visually-hidden">{t('inventory.history.changesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('inventory.history.field')}</th>
                    <th scope="col">{t('inventory.history.before')}</th>
                    <th scope="col">{t('inventory.history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map(([field, change]) => (
                    <tr key={field}>
                      <th scope="row">{fieldName(t, field)}</th>
                      <td className="history__before">{describeValue(t, field, change?.before, i18n.language)}</td>
                      <td>{describeValue(t, field, change?.after, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
