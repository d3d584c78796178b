// Why cars.bulk skipped a car, in the user's language (the main process words it in English).
import type { TFunction } from 'i18next';
import { CAR_STATUSES, type CarStatus } from '../../../api/contract';

const isStatus = (value: string | undefined): value is CarStatus => value !== undefined && (CAR_STATUSES as readonly string[]).includes(value);

export function skipReason(t: TFunction, reason: string): string {
  if (reason === 'in the trash') return t('inventory.bulk.reasonTrash');
  if (reason === 'not found') return t('inventory.bulk.reasonNotFound');
  const move = /^(\w+) → (\w+) is not allowed$/.exec(reason);
  if (move && isStatus(move[1]) && isStatus(move[2])) {
    return t('inventory.bulk.reasonMove', { from: t(`inventory.status.${move[1]}`), to: t(`inventory.status.${move[2]}`) });
  }
  return reason;
}
