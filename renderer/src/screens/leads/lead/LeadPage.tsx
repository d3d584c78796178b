// One lead: contact and message, notes and timeline on the left; status, assignee, follow-up,
// score and possible duplicates on the right. Read-only for a VIEWER.
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { errorText } from '../../../lib/error-text';
import { useLeadsAccess } from '../access';
import { useNewLeads } from '../new-leads-store';
import { AssigneePanel } from './AssigneePanel';
import { ContactPanel } from './ContactPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { FollowUpPanel } from './FollowUpPanel';
import { NotesPanel } from './NotesPanel';
import { ScorePanel } from './ScorePanel';
import { StatusPanel } from './StatusPanel';
import { Timeline } from './Timeline';
import { useLead } from './useLead';

export function LeadPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { canWork } = useLeadsAccess();
  const state = useLead(id);
  // Another lead's page (a duplicate's link) shows nothing of the previous one while loading.
  const lead = state.lead?.id === id ? state.lead : null;

  // Opening a new lead is looking at it: it no longer counts on the sidebar badge.
  useEffect(() => useNewLeads.getState().seen(id), [id]);

  return (
    <Page
      title={lead?.name ?? t('leads.lead.title')}
      actions={
        <Link className="button button--ghost-dark" to="/leads">
          {t('leads.lead.back')}
        </Link>
      }
    >
      {!lead && state.loading ? (
        <Loading />
      ) : !lead ? (
        <ErrorState message={state.error ? errorText(t, state.error) : t('errors.NOT_FOUND')} onRetry={state.reload} />
      ) : (
        <>
          {lead.anonymizedAt ? <p className="notice">{t('leads.lead.erased')}</p> : null}
          {!canWork ? <p className="notice">{t('leads.lead.readOnly')}</p> : null}
          <div className="lead-layout" data-testid="lead-page" data-version={lead.version}>
            <div className="lead-layout__main">
              <ContactPanel lead={lead} />
              <NotesPanel lead={lead} state={state} canWork={canWork} />
              <Timeline lead={lead} state={state} canWork={canWork} />
            </div>
            <div className="lead-layout__side">
              <StatusPanel lead={lead} state={state} canWork={canWork} />
              <AssigneePanel lead={lead} state={state} canWork={canWork} />
              <FollowUpPanel lead={lead} state={state} canWork={canWork} />
              <ScorePanel lead={lead} />
              <DuplicatesPanel lead={lead} state={state} canWork={canWork} />
            </div>
          </div>
        </>
      )}
    </Page>
  );
}
