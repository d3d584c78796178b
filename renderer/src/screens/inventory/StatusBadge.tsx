// A car's status as a coloured pill with its name (colour is never the only cue).
import { useTranslation } from 'react-i18next';
import type { CarStatus } from '../../api/contract';

export function StatusBadge({ status }: { status: CarStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${status.toLowerCase()}`}>{t(`inventory.status.${status}`)}</span>;
}
