// Redis: none (the app reads PostgreSQL directly) or a server (host, port, database number,
// TLS, password in the keychain), with "Test connection" and "Save".
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionDto } from '../../../api/contract';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/TextField';
import { fieldText } from '../../../lib/error-text';
import { focusFirstInvalid } from '../../../lib/focus';
import { parseRedis, redisForm, type RedisForm } from './forms';
import { ModeChoice } from './ModeChoice';
import { PasswordFields } from './PasswordFields';
import { TestResult } from './TestResult';
import { useConnectionActions } from './useConnectionActions';

export function RedisPanel({ connection, onSaved }: { connection: ConnectionDto; onSaved: (c: ConnectionDto) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const tlsId = useId();
  const [mode, setMode] = useState<'none' | 'server'>(connection.saved.redis ? 'server' : 'none');
  const [form, setForm] = useState<RedisForm>(() => redisForm(connection));
  const actions = useConnectionActions(onSaved);
  const set = (patch: Partial<RedisForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    actions.setResult(null);
  };

  function parsed(formElement: HTMLFormElement | null) {
    const p = parseRedis(form);
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
    const database = connection.saved.database;
    if (mode === 'none') {
      await actions.save({ database, redis: null });
      return;
    }
    const p = parsed(event.currentTarget);
    if (!p) return;
    const ok = await actions.save({ database, redis: { ...p.target, ...(p.password !== undefined ? { password: p.password } : {}) } });
    if (ok) set({ password: '', forgetPassword: false });
  }

  function test(event: { currentTarget: HTMLButtonElement }) {
    const p = parsed(event.currentTarget.form);
    if (p) void actions.test({ kind: 'redis', ...p.target, ...(typeof p.password === 'string' ? { password: p.password } : {}) });
  }

  const field = (name: string) => fieldText(t, actions.fields[name]);

  return (
    <section className="panel" aria-labelledby={titleId} data-testid="redis-panel">
      <h3 className="panel__title" id={titleId}>
        {t('connection.redisTitle')}
      </h3>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <ModeChoice
          legend={t('connection.redisMode')}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'none', label: t('connection.noRedis'), hint: t('connection.noRedisHint') },
            { value: 'server', label: t('connection.useRedis') },
          ]}
        />
        {mode === 'server' ? (
          <div className="form-grid">
            <TextField label={t('connection.host')} value={form.host} onValueChange={(host) => set({ host })} autoComplete="off" spellCheck={false} error={field('host')} />
            <TextField label={t('connection.port')} value={form.port} onValueChange={(port) => set({ port })} inputMode="numeric" error={field('port')} />
            <TextField label={t('connection.redisDb')} value={form.db} onValueChange={(db) => set({ db })} inputMode="numeric" error={field('db')} />
            <div className="check">
              <input id={tlsId} type="checkbox" checked={form.tls} onChange={(e) => set({ tls: e.target.checked })} />
              <label htmlFor={tlsId}>{t('connection.tls')}</label>
            </div>
            <div>
              <PasswordFields
                value={form.password}
                saved={connection.redisPasswordSaved}
                forget={form.forgetPassword}
                keychainAvailable={connection.keychainAvailable}
                error={field('redis.password') ?? field('password')}
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
            <button type="button" className="button button--ghost" onClick={test} disabled={actions.testing}>
              {actions.testing ? t('connection.testing') : t('connection.test')}
            </button>
          ) : null}
          <button type="submit" className="button button--primary" disabled={actions.saving}>
            {actions.saving ? t('connection.saving') : t('connection.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
