// Importing a backup file made elsewhere (also the seed's `pg_dump … | gzip`): the path of
// the file on this PC or a network folder; the main process copies and checks it.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { toast } from '../../stores/toasts';
import { problemText } from './problem';

export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!path.trim()) {
      setProblem(t('backups.import.pathRequired'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const backup = await call('backups.import', { path: path.trim() });
      toast.success(t('backups.import.done', { file: backup.fileName }));
      setPath('');
      onImported();
    } catch (error) {
      setProblem(problemText(t, toApiError(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 className="panel__title" id={titleId}>
        {t('backups.import.title')}
      </h2>
      <form className="form backup-import" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('backups.import.path')} hint={t('backups.import.hint')} value={path} onValueChange={setPath} autoComplete="off" spellCheck={false} />
        <div>
          <button type="submit" className="button button--ghost" disabled={busy}>
            {busy ? t('backups.import.running') : t('backups.import.submit')}
          </button>
        </div>
      </form>
      <FormAlert message={problem} />
    </section>
  );
}
