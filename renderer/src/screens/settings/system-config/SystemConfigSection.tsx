// Settings → System configuration: every key with its JSON value; editing one in a dialog
// (known keys are checked by the main process against their schema).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { SystemConfigEntryDto } from '../../../api/contract';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';
import { ConfigTable } from './ConfigTable';
import { EditConfigDialog } from './EditConfigDialog';

type State = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; entries: SystemConfigEntryDto[] };

export function SystemConfigSection() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [editing, setEditing] = useState<SystemConfigEntryDto | null>(null);
  const request = useRef(0);

  const reload = useCallback(async () => {
    const id = ++request.current;
    try {
      const entries = await call('settings.systemConfig.list', {});
      if (id === request.current) setState({ status: 'ready', entries });
    } catch (error) {
      if (id === request.current) setState({ status: 'error', error: toApiError(error) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="settings-section" aria-labelledby="config-title">
      <div className="settings-section__header">
        <div>
          <h2 className="settings-section__title" id="config-title">
            {t('systemConfig.title')}
          </h2>
          <p className="settings-section__intro">{t('systemConfig.intro')}</p>
        </div>
      </div>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorState message={errorText(t, state.error)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? <ConfigTable entries={state.entries} onEdit={setEditing} /> : null}
      {editing ? (
        <EditConfigDialog
          entry={editing}
          onClose={() => setEditing(null)}
          onSaved={(entry) => {
            setEditing(null);
            toast.success(t('systemConfig.saved', { key: entry.key }));
            void reload();
          }}
        />
      ) : null}
    </section>
  );
}
