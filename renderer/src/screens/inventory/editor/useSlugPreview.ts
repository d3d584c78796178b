// The address the car will get: cars.slugPreview makes it from the wanted slug (or the name)
// the way a save will (ä/ö/å → a/o/a, unique with -2, -3 …). Debounced while typing.
import { useEffect, useState } from 'react';
import { call } from '../../../api/client';

const DELAY_MS = 300;
const NAME_MAX = 150;

export function useSlugPreview(source: string, excludeId: string | undefined, enabled: boolean): string | null {
  const [preview, setPreview] = useState<{ source: string; slug: string } | null>(null);
  const wanted = source.trim().slice(0, NAME_MAX);
  useEffect(() => {
    if (!enabled || !wanted) return;
    let live = true;
    const timer = setTimeout(() => {
      call('cars.slugPreview', excludeId ? { name: wanted, excludeId } : { name: wanted })
        .then((slug) => live && setPreview({ source: wanted, slug }))
        .catch(() => undefined);
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, excludeId, enabled]);
  // An answer for an older text is not shown as this text's.
  return preview && preview.source === wanted ? preview.slug : null;
}
