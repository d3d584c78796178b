// Moves a lead to another status (leads.setStatus with the version the screen showed).
// LOST first asks for the reason. A stale version or a move no longer allowed answers
// CONFLICT: the caller reloads and the user is told why.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import type { LeadDto, LeadRowDto, LeadStatus } from '../../../api/contract';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';
import { conflictText } from './conflict';

export interface PendingLost {
  lead: LeadRowDto;
}

export interface MoveLead {
  /** Starts a move; LOST opens the reason dialog instead (see `pendingLost`). */
  request: (lead: LeadRowDto, to: LeadStatus) => void;
  /** The move to LOST waiting for its reason. */
  pendingLost: PendingLost | null;
  confirmLost: (reason: string) => void;
  cancelLost: () => void;
  busy: boolean;
}

export function useMoveLead(onMoved: (lead: LeadDto) => void, onStale: () => void): MoveLead {
  const { t } = useTranslation();
  const [pendingLost, setPendingLost] = useState<PendingLost | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(lead: LeadRowDto, to: LeadStatus, lostReason?: string) {
    setBusy(true);
    try {
      const updated = await call('leads.setStatus', { id: lead.id, version: lead.version, status: to, ...(lostReason ? { lostReason } : {}) });
      toast.success(t('leads.move.done', { name: updated.name, status: t(`leads.status.${to}`) }));
      setPendingLost(null);
      onMoved(updated);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'CONFLICT') {
        toast.error(conflictText(t, apiError));
        setPendingLost(null);
        onStale();
      } else {
        toast.error(errorText(t, apiError));
      }
    } finally {
      setBusy(false);
    }
  }

  return {
    request: (lead, to) => {
      if (busy) return;
      if (to === 'LOST') setPendingLost({ lead });
      else void run(lead, to);
    },
    pendingLost,
    confirmLost: (reason) => {
      if (pendingLost) void run(pendingLost.lead, 'LOST', reason);
    },
    cancelLost: () => setPendingLost(null),
    busy,
  };
}
