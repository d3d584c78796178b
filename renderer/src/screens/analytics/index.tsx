// The analytics screen. A placeholder until its own issue fills it in.
import { useTranslation } from 'react-i18next';
import { ScreenPlaceholder } from '../../components/ScreenPlaceholder';

export function AnalyticsScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPlaceholder
      title={t('screens.analytics.title')}
      emptyTitle={t('screens.analytics.emptyTitle')}
      emptyBody={t('screens.analytics.emptyBody')}
    />
  );
}
