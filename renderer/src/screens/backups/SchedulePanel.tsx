// The schedule (the seed's policy by default: daily 02:00 UTC, every 6 hours, 30 days),
// checked with the contract's own rules before it is sent, with the next run times.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../api/client';
import { backupScheduleInput, type BackupScheduleDto } from '../../api/contract';
import { FormAlert } from '../../components/FormAlert';
import { Loading } from '../../components/Loading';
import { TextField } from '../../components/TextField';
import { zodFieldErrors, type FieldErrors } from '../../lib/field-errors';
import { focusFirstInvalid } from '../../lib/focus';
import { toast } from '../../stores/toasts';
import { formatDateTime } from '../settings/shared/format';
import { nextRuns } from './next-runs';
import { problemText } from './problem';

interface Form {
  enabled: boolean;
  daily: string;
  frequent: string;
  retentionDays: string;
}

const toForm = (s: BackupScheduleDto): Form => ({ enabled: s.enabled, daily: s.daily, frequent: s.frequent ?? '', retentionDays: String(s.retentionDays) });

export function SchedulePanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const enabledId = useId();
  const [form, setForm] = useState<Form | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('backups.getSchedule', {}).then(
      (s) => setForm(toForm(s)),
      (error: unknown) => setProblem(problemText(t, toApiError(error))),
    );
  }, [t]);

  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form) return;
    const target = event.currentTarget;
    const parsed = backupScheduleInput.safeParse({
      enabled: form.enabled,
      daily: form.daily,
      frequent: form.frequent.trim() ? form.frequent : null,
      retentionDays: form.retentionDays.trim() === '' ? Number.NaN : Number(form.retentionDays),
    });
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      focusFirstInvalid(target);
      return;
    }
    setBusy(true);
    setFields({});
    setProblem(null);
    try {
      setForm(toForm(await call('backups.setSchedule', parsed.data)));
      toast.success(t('backups.schedule.saved'));
    } catch (error) {
      const e = toApiError(error);
      setFields({ ...e.fields });
      setProblem(problemText(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={titleId} data-testid="backup-schedule">
      <h2 className="panel__title" id={titleId}>
        {t('backups.schedule.title')}
      </h2>
      {!form && !problem ? <Loading /> : null}
      {form ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="check">
            <input id={enabledId} type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            <label htmlFor={enabledId}>{t('backups.schedule.enabled')}</label>
          </div>
          <div className="form-grid">
            <CronField label={t('backups.schedule.daily')} value={form.daily} onChange={(daily) => set({ daily })} error={fields['daily']} />
            <CronField label={t('backups.schedule.frequent')} hint={t('backups.schedule.frequentHint')} value={form.frequent} onChange={(frequent) => set({ frequent })} error={fields['frequent']} />
            <TextField
              label={t('backups.schedule.retention')}
              type="number"
              min={1}
              max={3650}
              inputMode="numeric"
              value={form.retentionDays}
              onValueChange={(retentionDays) => set({ retentionDays })}
              hint={t('backups.schedule.retentionHint')}
              error={fields['retentionDays'] ? t('backups.schedule.retentionError') : undefined}
            />
          </div>
          <p className="admin-muted">{t('backups.schedule.cronHelp')}</p>
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('backups.schedule.saving') : t('backups.schedule.save')}
            </button>
          </div>
        </form>
      ) : null}
      <FormAlert message={problem} />
    </section>
  );
}

function CronField({ label, hint, value, onChange, error }: { label: string; hint?: string; value: string; onChange: (v: string) => void; error: string | undefined }) {
  const { t, i18n } = useTranslation();
  const runs = nextRuns(value);
  const next = runs?.length ? t('backups.schedule.next', { times: runs.map((d) => formatDateTime(d.toISOString(), i18n.language, { seconds: false })).join(', ') }) : undefined;
  const bad = error ?? (value.trim() && !runs ? t('backups.schedule.cronInvalid') : undefined);
  return (
    <TextField
      label={label}
      value={value}
      onValueChange={onChange}
      spellCheck={false}
      autoComplete="off"
      hint={[hint, next].filter(Boolean).join(' ') || undefined}
      error={bad ? t('backups.schedule.cronInvalid') : undefined}
    />
  );
}
