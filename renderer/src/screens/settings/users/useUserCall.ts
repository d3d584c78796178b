// The busy flag and error handling every user dialog shares: run the call, and on failure
// keep the dialog open with the problem described.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/client';
import { describeUserError, type UserProblem } from './user-errors';

export function useUserCall() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<UserProblem | null>(null);

  /** Resolves true when the call succeeded. */
  async function run(action: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(describeUserError(t, toApiError(error)));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, problem, setProblem, run };
}
