// The leads screen. A placeholder until its own issue fills it in.
import { useTranslation } from 'react-i18next';
import { ScreenPlaceholder } from '../../components/ScreenPlaceholder';

export function LeadsScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPlaceholder
      title={t('screens.leads.title')}
      emptyTitle={t('screens.leads.emptyTitle')}
      emptyBody={t('screens.leads.emptyBody')}
    />
  );
}
