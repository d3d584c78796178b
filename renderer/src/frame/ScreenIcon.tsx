// Small line icons for the sidebar. Decorative: the text beside them is the name.
import type { ScreenId } from './screens';

const PATHS: Record<ScreenId, string> = {
  inventory: 'M3 13l2-5a2 2 0 0 1 2-1.4h10A2 2 0 0 1 19 8l2 5v4h-2m-14 0H3v-4h18M7 17a2 2 0 1 0 0-.01M17 17a2 2 0 1 0 0-.01',
  leads: 'M4 5h16v11H8l-4 4z M8 9h8 M8 12h5',
  analytics: 'M4 20V10 M10 20V4 M16 20v-7 M22 20H2',
  backups: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6 M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  settings: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z M12 2v3 M12 19v3 M2 12h3 M19 12h3 M4.9 4.9l2.1 2.1 M17 17l2.1 2.1 M4.9 19.1 7 17 M17 7l2.1-2.1',
};

export function ScreenIcon({ id }: { id: ScreenId }) {
  return (
    <svg className="screen-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[id]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
