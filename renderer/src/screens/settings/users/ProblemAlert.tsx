// A failed users.* call in a dialog: the message, and "Reload users" when the list is stale.
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import type { UserProblem } from './user-errors';

export function ProblemAlert({ problem, onReload }: { problem: UserProblem | null; onReload: () => void }) {
  const { t } = useTranslation();
  if (!problem?.message) return null;
  return (
    <div className="admin-problem" data-testid="user-problem">
      <FormAlert message={problem.message} />
      {problem.stale ? (
        <button type="button" className="button button--ghost button--small" onClick={onReload}>
          {t('users.reload')}
        </button>
      ) : null}
    </div>
  );
}
