// Someone else saved this car after it was opened here (CONFLICT). Lists every field where
// this copy and theirs differ, and lets the user take theirs or go on editing. Nothing is
// ever written over theirs from here.
import { useTranslation } from 'react-i18next';
import type { CarDto } from '../../../api/contract';
import { Dialog } from '../../../components/Dialog';
import { formatDateTime } from '../format';
import { differingFields, formFromCar, formToFields, type CarForm } from './car-form';
import { describeValue, fieldName } from './field-values';

interface ConflictDialogProps {
  mine: CarForm;
  theirs: CarDto;
  /** The car as it was when this copy was loaded (for status, which the form does not hold). */
  base: CarDto | null;
  onReload: () => void;
  onKeepEditing: () => void;
}

export function ConflictDialog({ mine, theirs, base, onReload, onKeepEditing }: ConflictDialogProps) {
  const { t, i18n } = useTranslation();
  const theirsForm = formFromCar(theirs);
  const fields = differingFields(mine, theirsForm);
  const mineValues: Record<string, unknown> = formToFields(mine);
  const theirValues: Record<string, unknown> = { ...theirs, images: theirs.images.map(({ url, alt, isPrimary }) => ({ url, alt, isPrimary })) };
  const statusChanged = base !== null && base.status !== theirs.status;
  const trashed = base !== null && base.deletedAt !== theirs.deletedAt;

  return (
    <Dialog
      open
      title={t('inventory.conflict.title')}
      onClose={onKeepEditing}
      className="dialog--wide"
      testId="conflict-dialog"
      footer={
        <>
          <button type="button" className="button button--ghost-dark" onClick={onKeepEditing}>
            {t('inventory.conflict.keep')}
          </button>
          <button type="button" className="button button--primary" onClick={onReload}>
            {t('inventory.conflict.reload')}
          </button>
        </>
      }
    >
      <p>{t('inventory.conflict.body', { when: formatDateTime(theirs.updatedAt, i18n.language) })}</p>
      {fields.length === 0 && !statusChanged && !trashed ? (
        <p className="muted">{t('inventory.conflict.noFieldDiffs')}</p>
      ) : (
        <div className="import__table-wrap" tabIndex={0} role="region" aria-label={t('inventory.conflict.caption')}>
          <table className="data-table conflict-table">
            <caption className="visually-hidden">{t('inventory.conflict.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inventory.history.field')}</th>
                <th scope="col">{t('inventory.conflict.mine')}</th>
                <th scope="col">{t('inventory.conflict.theirs')}</th>
              </tr>
            </thead>
            <tbody>
              {statusChanged && base ? (
                <tr>
                  <th scope="row">{fieldName(t, 'status')}</th>
                  <td>{describeValue(t, 'status', base.status, i18n.language)}</td>
                  <td>{describeValue(t, 'status', theirs.status, i18n.language)}</td>
                </tr>
              ) : null}
              {trashed && base ? (
                <tr>
                  <th scope="row">{fieldName(t, 'deletedAt')}</th>
                  <td>{describeValue(t, 'deletedAt', base.deletedAt, i18n.language)}</td>
                  <td>{describeValue(t, 'deletedAt', theirs.deletedAt, i18n.language)}</td>
                </tr>
              ) : null}
              {fields.map((field) => (
                <tr key={field}>
                  <th scope="row">{fieldName(t, field)}</th>
                  <td>{describeValue(t, field, mineValues[field], i18n.language)}</td>
                  <td>{describeValue(t, field, theirValues[field], i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t('inventory.conflict.hint')}</p>
    </Dialog>
  );
}
