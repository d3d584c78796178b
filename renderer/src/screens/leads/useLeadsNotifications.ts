// Mounted once by the app frame: a toast and the sidebar badge for every new lead (also those
// the website writes straight into the database, pushed as 'leads.new'), and the follow-up
// reminders for those who work leads.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../api/client';
import { toast } from '../../stores/toasts';
import { useLeadsAccess } from './access';
import { useNewLeads } from './new-leads-store';
import { useFollowUpReminders } from './useFollowUpReminders';

export function useLeadsNotifications(): void {
  const { t } = useTranslation();
  const { canWork } = useLeadsAccess();
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });

  useEffect(() => {
    const stop = subscribe('leads.new', (lead) => {
      useNewLeads.getState().add(lead.id);
      toast.info(tRef.current('leads.toast.new', { name: lead.name }));
    });
    return () => {
      stop();
      // The next person to sign in on this PC starts without the previous one's badge.
      useNewLeads.getState().clear();
    };
  }, []);

  useFollowUpReminders(canWork);
}
