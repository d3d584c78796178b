// The backups screen. A placeholder until its own issue fills it in.
import { useTranslation } from 'react-i18next';
import { ScreenPlaceholder } from '../../components/ScreenPlaceholder';

export function BackupsScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPlaceholder
      title={t('screens.backups.title')}
      emptyTitle={t('screens.backups.emptyTitle')}
      emptyBody={t('screens.backups.emptyBody')}
    />
  );
}
