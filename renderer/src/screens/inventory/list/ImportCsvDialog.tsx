// CSV import: choose a file, see the server's dry run (every row's errors with line and
// field, and the first rows as they would be imported), then import. The Import button
// stays off while any error remains; the server imports all rows or none.
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import { CSV_MAX_BYTES, type CsvImportResultDto } from '../../../api/contract';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';
import { carMessage } from '../car-messages';
import { formatEur } from '../format';
import { useImportProgress } from './useImportProgress';

interface ImportCsvDialogProps {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

export function ImportCsvDialog({ open, onClose, onImported }: ImportCsvDialogProps) {
  const { t } = useTranslation();
  const fileId = useId();
  const hintId = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvImportResultDto | null>(null);
  const [checking, setChecking] = useState(false);
  const [importing, setImporting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const progress = useImportProgress(importing);

  function reset() {
    setFileName(null);
    setCsv(null);
    setPreview(null);
    setProblem(null);
  }

  function close() {
    if (importing) return;
    reset();
    onClose();
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // The same file may be chosen again after fixing it outside the app.
    event.target.value = '';
    if (!file) return;
    reset();
    setFileName(file.name);
    if (file.size > CSV_MAX_BYTES) {
      setProblem(t('inventory.validation.fileTooLarge'));
      return;
    }
    setChecking(true);
    try {
      const text = await readText(file);
      setCsv(text);
      setPreview(await call('cars.importCsv', { csv: text, dryRun: true }));
    } catch (error) {
      setProblem(describe(error));
    } finally {
      setChecking(false);
    }
  }

  function describe(error: unknown): string {
    const apiError = toApiError(error);
    const detail = apiError.fields['csv'];
    return detail ? `${errorText(t, apiError)} ${carMessage(t, detail) ?? ''}`.trim() : errorText(t, apiError);
  }

  async function runImport() {
    if (!csv) return;
    setImporting(true);
    setProblem(null);
    try {
      const result = await call('cars.importCsv', { csv, dryRun: false });
      if (result.errors.length) {
        // Changed on the server between the preview and now (a VIN taken meanwhile).
        setPreview(result);
        return;
      }
      toast.success(t('inventory.import.done', { count: result.imported }));
      reset();
      onImported();
      onClose();
    } catch (error) {
      setProblem(describe(error));
    } finally {
      setImporting(false);
    }
  }

  const errors = preview?.errors ?? [];
  const canImport = preview !== null && errors.length === 0 && preview.valid > 0 && !checking && !importing;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <Dialog
      open={open}
      title={t('inventory.import.title')}
      onClose={close}
      busy={importing}
      className="dialog--wide"
      testId="import-dialog"
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={close} disabled={importing}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void runImport()} disabled={!canImport}>
            {importing ? t('inventory.import.importing') : t('inventory.import.submit', { count: preview?.valid ?? 0 })}
          </button>
        </>
      }
    >
      <div className="import">
        <p className="import__intro" id={hintId}>
          {t('inventory.import.intro')}
        </p>
        <div className="import__file">
          {/* The input stays in the tab order (visually hidden); its label is the visible button. */}
          <input id={fileId} className="file-input" type="file" accept=".csv,text/csv" aria-describedby={hintId} onChange={(event) => void choose(event)} disabled={checking || importing} />
          <label htmlFor={fileId} className="button button--ghost-dark import__choose">
            {t('inventory.import.choose')}
          </label>
          <span className="import__name">{fileName ?? t('inventory.import.noFile')}</span>
        </div>
        {checking ? <p role="status">{t('inventory.import.checking')}</p> : null}
        <FormAlert message={problem} />
        {importing ? (
          <div className="import__progress">
            <label htmlFor={`${fileId}-progress`}>{t('inventory.import.progress', { done: progress?.done ?? 0, total: progress?.total ?? preview?.valid ?? 0 })}</label>
            <progress id={`${fileId}-progress`} max={100} value={percent} />
          </div>
        ) : null}
        {preview ? (
          <>
            <p className="import__summary" role="status" data-testid="import-summary">
              {errors.length
                ? t('inventory.import.summaryErrors', { rows: preview.rows, valid: preview.valid, errors: errors.length })
                : t('inventory.import.summaryOk', { count: preview.rows })}
            </p>
            {errors.length ? (
              // Focusable so the keyboard can scroll a long list.
              <div className="import__table-wrap" tabIndex={0} role="region" aria-label={t('inventory.import.errorsCaption')}>
                <table className="data-table" data-testid="import-errors">
                  <caption className="data-table__caption">{t('inventory.import.errorsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('inventory.import.line')}</th>
                      <th scope="col">{t('inventory.import.field')}</th>
                      <th scope="col">{t('inventory.import.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {errors.map((error, index) => (
                      <tr key={`${error.line}-${error.field ?? ''}-${index}`}>
                        <td className="data-table__num">{error.line}</td>
                        <td>{error.field ?? '—'}</td>
                        <td>{carMessage(t, error.message)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {preview.preview.length ? (
              <div className="import__table-wrap" tabIndex={0} role="region" aria-label={t('inventory.import.previewCaption', { count: preview.preview.length, valid: preview.valid })}>
                <table className="data-table">
                  <caption className="data-table__caption">{t('inventory.import.previewCaption', { count: preview.preview.length, valid: preview.valid })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('inventory.import.line')}</th>
                      <th scope="col">{t('inventory.columns.name')}</th>
                      <th scope="col">{t('inventory.columns.year')}</th>
                      <th scope="col">{t('inventory.columns.price')}</th>
                      <th scope="col">{t('inventory.editor.slug')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.preview.map((row) => (
                      <tr key={row.line}>
                        <td className="data-table__num">{row.line}</td>
                        <td>{row.name}</td>
                        <td className="data-table__num">{row.year}</td>
                        <td className="data-table__num">{formatEur(row.priceEur)}</td>
                        <td>{row.slug}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
