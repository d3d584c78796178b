// Moving a lead to LOST asks why (the contract requires a reason). Mounted only while asking,
// so each time starts empty; the native dialog puts focus in the text box.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';

const REASON_MAX = 300;

interface LostReasonDialogProps {
  open: boolean;
  name: string;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

export function LostReasonDialog({ open, name, busy, onConfirm, onCancel }: LostReasonDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const formId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit() {
    const trimmed = reason.trim();
    if (!trimmed) {
      setError(t('leads.lost.required'));
      return;
    }
    onConfirm(trimmed);
  }

  return (
    <Dialog
      open={open}
      title={t('leads.lost.title', { name })}
      onClose={onCancel}
      busy={busy}
      testId="lost-dialog"
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
            {t('leads.common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy}>
            {t('leads.lost.confirm')}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className={error ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={id}>
            {t('leads.lost.reason')}
          </label>
          <textarea
            id={id}
            className="field__input"
            rows={3}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error ? (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
