// One value as JSON text: parsed here first (a syntax error is shown at once), then checked
// by the main process against the key's schema; its message is shown under the field.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import { CONFIG_VALUE_MAX_CHARS, type JsonValue, type SystemConfigEntryDto } from '../../../api/contract';
import { FormAlert } from '../../../components/FormAlert';
import { problemText } from '../../backups/problem';
import { Dialog } from '../shared/Dialog';

export function EditConfigDialog({ entry, onClose, onSaved }: { entry: SystemConfigEntryDto; onClose: () => void; onSaved: (e: SystemConfigEntryDto) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(entry.value, null, 2));
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    let value: JsonValue;
    try {
      value = JSON.parse(text) as JsonValue;
    } catch (e) {
      setError(t('systemConfig.notJson', { detail: (e as Error).message }));
      return;
    }
    if (JSON.stringify(value).length > CONFIG_VALUE_MAX_CHARS) {
      setError(t('systemConfig.tooLarge', { kb: CONFIG_VALUE_MAX_CHARS / 1024 }));
      return;
    }
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      onSaved(await call('settings.systemConfig.set', { key: entry.key, value }));
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.fields['value']) setError(apiError.fields['value']);
      else setProblem(problemText(t, apiError));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('systemConfig.editTitle')} description={entry.key} onClose={onClose} testId="config-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {entry.description ? <p className="admin-muted">{entry.description}</p> : null}
        <div className={error ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={id}>
            {t('systemConfig.jsonLabel')}
          </label>
          <textarea
            id={id}
            className="field__input field__textarea config-json"
            rows={10}
            spellCheck={false}
            value={text}
            data-autofocus
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
          <p className="field__hint" id={`${id}-hint`}>
            {entry.known ? t('systemConfig.knownHint') : t('systemConfig.unknownHint')}
          </p>
          {error ? (
            <p className="field__error" id={`${id}-error`} data-testid="config-error">
              {error}
            </p>
          ) : null}
        </div>
        <FormAlert message={problem} />
        <div className="admin-dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('systemConfig.saving') : t('systemConfig.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
