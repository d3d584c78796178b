// Brand and model suggestions for the editor's inputs, from the stock itself.
import { useEffect, useState } from 'react';
import { call } from '../../../api/client';

export function useBrandSuggestions(enabled: boolean): string[] {
  const [brands, setBrands] = useState<string[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    call('cars.facets', {})
      .then((facets) => live && setBrands(facets.brand.map((b) => b.value)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [enabled]);
  return brands;
}

export function useModelSuggestions(brand: string, enabled: boolean): string[] {
  const [models, setModels] = useState<string[]>([]);
  const wanted = brand.trim();
  useEffect(() => {
    if (!enabled || !wanted) return;
    let live = true;
    const timer = setTimeout(() => {
      call('cars.brandModels', { brand: wanted })
        .then((rows) => live && setModels(rows.map((r) => r.model)))
        .catch(() => undefined);
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, enabled]);
  return enabled && wanted ? models : [];
}
