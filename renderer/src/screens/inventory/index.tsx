// The inventory screen. A placeholder until its own issue fills it in.
import { useTranslation } from 'react-i18next';
import { ScreenPlaceholder } from '../../components/ScreenPlaceholder';

export function InventoryScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPlaceholder
      title={t('screens.inventory.title')}
      emptyTitle={t('screens.inventory.emptyTitle')}
      emptyBody={t('screens.inventory.emptyBody')}
    />
  );
}
