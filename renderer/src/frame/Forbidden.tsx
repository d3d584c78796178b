// What a role sees on a page it may not use (the sidebar hides these; a typed URL can still get here).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';
import { HOME_PATH } from './screens';

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Page title={t('screens.forbidden.title')}>
      <EmptyState
        title={t('screens.forbidden.body')}
        action={
          <Link className="button button--primary" to={HOME_PATH}>
            {t('screens.forbidden.back')}
          </Link>
        }
      />
    </Page>
  );
}
