// Erase a person on request (EU privacy, SUPER_ADMIN): every lead with the email or phone is
// anonymized and the audit log records who did it and why. Asked twice: the form, then a
// confirmation, since it cannot be undone.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/TextField';
import { errorText } from '../../../lib/error-text';
import { focusFirstInvalid } from '../../../lib/focus';
import { toast } from '../../../stores/toasts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Errors {
  email?: string;
  phone?: string;
  reason?: string;
}

export function EraseDialog({ onClose, onErased }: { onClose: () => void; onErased: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  function check(): boolean {
    const next: Errors = {};
    if (!email.trim() && !phone.trim()) next.email = t('leads.erase.needOne');
    else if (email.trim() && !EMAIL.test(email.trim())) next.email = t('leads.erase.badEmail');
    if (phone.trim() && phone.replace(/\D/g, '').length < 5) next.phone = t('leads.erase.badPhone');
    if (reason.trim().length < 3) next.reason = t('leads.erase.needReason');
    setErrors(next);
    return Object.keys(next).length === 0;
  }

  async function erase() {
    setBusy(true);
    setProblem(null);
    try {
      const result = await call('leads.erase', {
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        reason: reason.trim(),
      });
      toast.success(t('leads.erase.done', { count: result.erased }));
      onErased();
      onClose();
    } catch (error) {
      setConfirming(false);
      setProblem(errorText(t, toApiError(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Dialog
        open={!confirming}
        title={t('leads.erase.title')}
        onClose={onClose}
        busy={busy}
        testId="erase-dialog"
        footer={
          <>
            <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
              {t('leads.common.cancel')}
            </button>
            <button type="submit" form={formId} className="button button--danger" disabled={busy}>
              {t('leads.erase.next')}
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
            if (check()) setConfirming(true);
            else focusFirstInvalid(event.currentTarget);
          }}
        >
          <p className="leads-muted">{t('leads.erase.intro')}</p>
          <FormAlert message={problem} />
          <TextField label={t('leads.erase.email')} type="email" value={email} onValueChange={setEmail} error={errors.email} maxLength={254} autoComplete="off" />
          <TextField label={t('leads.erase.phone')} type="tel" value={phone} onValueChange={setPhone} error={errors.phone} maxLength={40} autoComplete="off" />
          <TextField label={t('leads.erase.reason')} hint={t('leads.erase.reasonHint')} value={reason} onValueChange={setReason} error={errors.reason} maxLength={300} />
        </form>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={t('leads.erase.confirmTitle')}
        confirmLabel={t('leads.erase.confirm')}
        danger
        busy={busy}
        onConfirm={() => void erase()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('leads.erase.confirmBody', { who: [email.trim(), phone.trim()].filter(Boolean).join(', ') })}</p>
      </ConfirmDialog>
    </>
  );
}
