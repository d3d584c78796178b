// Which pg_dump, pg_restore and psql would be used, or what is wrong and what to install.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupToolsDto } from '../../api/contract';

export function ToolsPanel({ tools, problem }: { tools: BackupToolsDto | null; problem: string | null }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="backup-tools">
      <h2 className="panel__title" id={titleId}>
        {t('backups.tools.title')}
      </h2>
      {problem ? <p className="form-alert">{problem}</p> : null}
      {tools ? (
        <>
          <p className="admin-muted">{t('backups.tools.server', { version: tools.serverVersion })}</p>
          <ul className="tool-list">
            {tools.tools.map((tool) => (
              <li key={tool.name} className="tool-list__item">
                <span className={tool.problem ? 'admin-tag admin-tag--warn' : 'admin-tag admin-tag--ok'}>{tool.name}</span>
                {tool.problem ? (
                  <span className="tool-list__problem">{tool.problem}</span>
                ) : (
                  <span>
                    {t('backups.tools.version', { version: tool.version ?? '?' })} <code className="admin-code">{tool.path}</code>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
