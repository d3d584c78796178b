// One lead (leads.get) and the changes made to it. Each change answers the lead as it is now;
// a CONFLICT (someone else changed it, or the move is no longer allowed) reloads the lead and
// tells the user, so the next try starts from what is current.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { LeadDto } from '../../../api/contract';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';
import { conflictText } from '../shared/conflict';

export interface LeadState {
  lead: LeadDto | null;
  error: ApiError | null;
  loading: boolean;
  /** A change is on its way. */
  busy: boolean;
  reload: () => void;
  /** Runs a change; resolves with null when it went through, else the error (already told in a toast). */
  run: (change: () => Promise<LeadDto>, success: string) => Promise<ApiError | null>;
}

export function useLead(id: string): LeadState {
  const { t } = useTranslation();
  const [lead, setLead] = useState<LeadDto | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    call('leads.get', { id })
      .then((answer) => {
        if (mine === generation.current) setLead(answer);
      })
      .catch((e: unknown) => {
        if (mine === generation.current) setError(toApiError(e));
      })
      .finally(() => {
        if (mine === generation.current) setLoading(false);
      });
  }, [id, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const run = useCallback(
    async (change: () => Promise<LeadDto>, success: string): Promise<ApiError | null> => {
      setBusy(true);
      try {
        const updated = await change();
        // A later load would overwrite this with older data; this answer is the newest.
        generation.current++;
        setLead(updated);
        setLoading(false);
        toast.success(success);
        return null;
      } catch (e) {
        const apiError = toApiError(e);
        if (apiError.code === 'CONFLICT') {
          toast.error(conflictText(t, apiError));
          reload();
        } else {
          toast.error(apiError.code === 'VALIDATION' ? t('leads.errors.validation') : errorText(t, apiError));
        }
        return apiError;
      } finally {
        setBusy(false);
      }
    },
    [t, reload],
  );

  return { lead, error, loading, busy, reload, run };
}
