// Counts per filter value for the filters panel, for the current search and filters.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api/client';
import type { CarFacetsDto } from '../../../api/contract';
import type { FiltersInput } from './list-input';

export function useFacets(input: FiltersInput): { facets: CarFacetsDto | null; failed: boolean; reload: () => void } {
  const [facets, setFacets] = useState<CarFacetsDto | null>(null);
  const [failed, setFailed] = useState(false);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    const mine = ++generation.current;
    call('cars.facets', JSON.parse(key) as FiltersInput)
      .then((data) => {
        if (mine !== generation.current) return;
        setFacets(data);
        setFailed(false);
      })
      .catch(() => {
        // The counts are a help, not the list: keep the last ones and say they may be old.
        if (mine === generation.current) setFailed(true);
      });
  }, [key, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { facets, failed, reload };
}
