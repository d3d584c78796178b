// Progress of a running CSV import, from the main process's 'cars.importProgress' events.
// Listened to only while this window's import runs, so another PC's import does not show here.
import { useEffect, useState } from 'react';
import { subscribe } from '../../../api/client';

export interface ImportProgress {
  done: number;
  total: number;
}

export function useImportProgress(active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    setProgress(null);
    return subscribe('cars.importProgress', ({ done, total }) => setProgress({ done, total }));
  }, [active]);
  return active ? progress : null;
}
