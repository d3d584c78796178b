// The editor's routes: /inventory/new (ADMIN and up) and /inventory/:id, which loads the car.
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { CarDto } from '../../../api/contract';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { Forbidden } from '../../../frame/Forbidden';
import { errorText } from '../../../lib/error-text';
import { useInventoryAccess } from '../access';
import { isCarDto } from './car-guard';
import { CarEditor } from './CarEditor';

export function NewCarScreen() {
  const { canEdit } = useInventoryAccess();
  return canEdit ? <CarEditor key="new" initial={null} /> : <Forbidden />;
}

export function EditCarScreen() {
  const { id = '' } = useParams();
  const location = useLocation();
  // Just created: the editor hands the new car over, so it need not be read again.
  const handed: unknown = (location.state as { car?: unknown } | null)?.car;
  const initial = isCarDto(handed) && handed.id === id ? handed : null;
  return <LoadedCar key={id} id={id} initial={initial} />;
}

function LoadedCar({ id, initial }: { id: string; initial: CarDto | null }) {
  const { t } = useTranslation();
  const [car, setCar] = useState<CarDto | null>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (initial) return;
    let live = true;
    setError(null);
    call('cars.get', { id })
      .then((loaded) => live && setCar(loaded))
      .catch((e: unknown) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [id, initial, attempt]);

  if (car) return <CarEditor initial={car} />;
  if (error?.code === 'NOT_FOUND' || error?.code === 'VALIDATION') {
    return (
      <Page title={t('inventory.editor.notFoundTitle')}>
        <EmptyState
          title={t('inventory.editor.notFoundBody')}
          action={
            <Link className="button button--primary" to="/inventory">
              {t('inventory.editor.back')}
            </Link>
          }
        />
      </Page>
    );
  }
  if (error) {
    return (
      <Page title={t('inventory.editor.loadFailed')}>
        <ErrorState message={errorText(t, error)} onRetry={() => setAttempt((n) => n + 1)} />
      </Page>
    );
  }
  return <Loading />;
}
