// The leads area (the sales team's CRM): the inbox, a lead's page, follow-ups due, and the
// newsletter's subscribers, each its own sub-route of /leads.
import { Navigate, Route, Routes } from 'react-router';
import { FollowUpsScreen } from './followups/FollowUpsScreen';
import { InboxScreen } from './inbox/InboxScreen';
import { LeadPage } from './lead/LeadPage';
import { NewsletterScreen } from './newsletter/NewsletterScreen';

export function LeadsScreen() {
  return (
    <Routes>
      <Route index element={<InboxScreen />} />
      <Route path="follow-ups" element={<FollowUpsScreen />} />
      <Route path="newsletter" element={<NewsletterScreen />} />
      <Route path=":id" element={<LeadPage />} />
      <Route path="*" element={<Navigate to="/leads" replace />} />
    </Routes>
  );
}
