// The database: the built-in one, or the shared server (host, port, database, user, SSL
// mode, password in the keychain), with "Test connection", "Save" and the offer to copy the
// data in use over to the server.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SSL_MODES, type ConnectionDto, type SslMode } from '../../../api/contract';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/TextField';
import { fieldText } from '../../../lib/error-text';
import { focusFirstInvalid } from '../../../lib/focus';
import { SelectField } from '../shared/SelectField';
import { CopyDialog } from './CopyDialog';
import { databaseForm, parseDatabase, type DatabaseForm, type DatabaseTarget } from './forms';
import { ModeChoice } from './ModeChoice';
import { PasswordFields } from './PasswordFields';
import { TestResult } from './TestResult';
import { useConnectionActions } from './useConnectionActions';

const isSslMode = (v: string): v is SslMode => (SSL_MODES as readonly string[]).includes(v);

export function DatabasePanel({ connection, onSaved }: { connection: ConnectionDto; onSaved: (c: ConnectionDto) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [mode, setMode] = useState<'embedded' | 'server'>(connection.saved.database ? 'server' : 'embedded');
  const [form, setForm] = useState<DatabaseForm>(() => databaseForm(connection));
  const [copyTarget, setCopyTarget] = useState<{ target: DatabaseTarget; password: string | undefined } | null>(null);
  const actions = useConnectionActions(onSaved);
  const { fields } = actions;
  const set = (patch: Partial<DatabaseForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    actions.setResult(null);
  };

  /** Validates the form; focuses the first bad field when it is not valid. */
  function parsed(formElement: HTMLFormElement | null) {
    const p = parseDatabase(form);
    if (!p.ok) {
      actions.setFields(p.fields);
      if (formElement) focusFirstInvalid(formElement);
      return null;
    }
    actions.setFields({});
    return p;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const redis = connection.saved.redis;
    if (mode === 'embedded') {
      await actions.save({ database: null, redis });
      return;
    }
    const p = parsed(event.currentTarget);
    if (!p) return;
    const ok = await actions.save({ database: { ...p.target, ...(p.password !== undefined ? { password: p.password } : {}) }, redis });
    if (ok) set({ password: '', forgetPassword: false });
  }

  function test(event: { currentTarget: HTMLButtonElement }) {
    const p = parsed(event.currentTarget.form);
    if (p) void actions.test({ kind: 'database', ...p.target, ...(typeof p.password === 'string' ? { password: p.password } : {}) });
  }

  function copy(event: { currentTarget: HTMLButtonElement }) {
    const p = parsed(event.currentTarget.form);
    if (p) setCopyTarget({ target: p.target, password: typeof p.password === 'string' ? p.password : undefined });
  }

  const sslOptions = SSL_MODES.map((value) => ({ value, label: t(`connection.ssl.${value}`) }));
  const field = (name: string) => fieldText(t, fields[name]);

  return (
    <section className="panel" aria-labelledby={titleId} data-testid="database-panel">
      <h3 className="panel__title" id={titleId}>
        {t('connection.databaseTitle')}
      </h3>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <ModeChoice
          legend={t('connection.databaseMode')}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'embedded', label: t('connection.useEmbedded'), hint: t('connection.useEmbeddedHint') },
            { value: 'server', label: t('connection.useServer'), hint: t('connection.useServerHint') },
          ]}
        />
        {mode === 'embedded' && !connection.keychainAvailable ? (
          <p className="notice notice--warn" role="note">
            {t('connection.embeddedNeedsKeychain')}
          </p>
        ) : null}
        {mode === 'server' ? (
          <div className="form-grid">
            <TextField label={t('connection.host')} value={form.host} onValueChange={(host) => set({ host })} autoComplete="off" spellCheck={false} error={field('host')} />
            <TextField label={t('connection.port')} value={form.port} onValueChange={(port) => set({ port })} inputMode="numeric" error={field('port')} />
            <TextField label={t('connection.database')} value={form.database} onValueChange={(database) => set({ database })} autoComplete="off" spellCheck={false} error={field('database')} />
            <TextField label={t('connection.user')} value={form.user} onValueChange={(user) => set({ user })} autoComplete="off" spellCheck={false} error={field('user')} />
            <SelectField label={t('connection.sslMode')} value={form.sslMode} options={sslOptions} onValueChange={(v) => isSslMode(v) && set({ sslMode: v })} error={field('sslMode')} />
            <div>
              <PasswordFields
                value={form.password}
                saved={connection.databasePasswordSaved}
                forget={form.forgetPassword}
                keychainAvailable={connection.keychainAvailable}
                error={field('database.password') ?? field('password')}
                onChange={(password) => set({ password })}
                onForget={(forgetPassword) => set({ forgetPassword })}
              />
            </div>
          </div>
        ) : null}
        <TestResult result={actions.result} />
        <FormAlert message={actions.problem} />
        <div className="connection-buttons">
          {mode === 'server' ? (
            <>
              <button type="button" className="button button--ghost" onClick={test} disabled={actions.testing}>
                {actions.testing ? t('connection.testing') : t('connection.test')}
              </button>
              <button type="button" className="button button--ghost" onClick={copy}>
                {connection.database.mode === 'embedded' ? t('connection.copyEmbedded') : t('connection.copyCurrent')}
              </button>
            </>
          ) : null}
          <button type="submit" className="button button--primary" disabled={actions.saving}>
            {actions.saving ? t('connection.saving') : t('connection.save')}
          </button>
        </div>
      </form>
      {copyTarget ? <CopyDialog target={copyTarget.target} password={copyTarget.password} onClose={() => setCopyTarget(null)} /> : null}
    </section>
  );
}
