// Test and save, shared by the database and Redis panels: busy flags, the test's answer,
// and a failure as a form-level message plus per-field messages.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import type { ChannelInput, ConnectionDto, TestConnectionResultDto } from '../../../api/contract';
import type { FieldErrors } from '../../../lib/field-errors';
import { toast } from '../../../stores/toasts';
import { problemText } from '../../backups/problem';

export function useConnectionActions(onSaved: (c: ConnectionDto) => void) {
  const { t } = useTranslation();
  const [testing, setTesting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<TestConnectionResultDto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  async function test(input: ChannelInput<'settings.testConnection'>) {
    setTesting(true);
    setResult(null);
    setProblem(null);
    try {
      setResult(await call('settings.testConnection', input));
    } catch (error) {
      const e = toApiError(error);
      setFields({ ...e.fields });
      setProblem(problemText(t, e));
    } finally {
      setTesting(false);
    }
  }

  async function save(input: ChannelInput<'settings.saveConnection'>): Promise<boolean> {
    setSaving(true);
    setProblem(null);
    try {
      const answer = await call('settings.saveConnection', input);
      onSaved(answer.connection);
      toast.success(t('connection.savedToast'));
      return true;
    } catch (error) {
      const e = toApiError(error);
      setFields({ ...e.fields });
      setProblem(problemText(t, e));
      return false;
    } finally {
      setSaving(false);
    }
  }

  return { testing, saving, result, setResult, problem, setProblem, fields, setFields, test, save };
}
