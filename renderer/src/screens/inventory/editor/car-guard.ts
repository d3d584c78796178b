// CONFLICT answers carry the other PC's copy in error.details.current: plain data that
// crossed a process boundary, so its shape is checked before the editor trusts it.
import type { CarDto } from '../../../api/contract';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function isCarDto(value: unknown): value is CarDto {
  if (!isRecord(value)) return false;
  return (
    typeof value['id'] === 'string' &&
    typeof value['version'] === 'number' &&
    typeof value['name'] === 'string' &&
    typeof value['status'] === 'string' &&
    typeof value['priceEur'] === 'number' &&
    Array.isArray(value['images']) &&
    Array.isArray(value['features']) &&
    Array.isArray(value['specifications'])
  );
}
