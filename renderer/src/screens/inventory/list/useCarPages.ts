// The inventory list's rows, a page at a time through cars.list's cursor.
import { call } from '../../../api/client';
import type { CarPageDto, CarRowDto } from '../../../api/contract';
import { useCursorPages, type CursorPages } from '../../../lib/useCursorPages';
import { listInput, type ListQuery } from './list-input';

export const PAGE_SIZE = 100;

export type CarPages = CursorPages<CarRowDto, CarPageDto>;

const fetchCars = (query: ListQuery, cursor: string | null) => call('cars.list', listInput(query, cursor, PAGE_SIZE));

export function useCarPages(query: ListQuery): CarPages {
  return useCursorPages(query, fetchCars);
}
