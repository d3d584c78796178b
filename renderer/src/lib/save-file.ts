// Saves a file the main process produced (CSV exports) through the browser's own download:
// a Blob URL on an <a download>, so no Node and no inline script are needed. Electron shows
// its save dialog for it; the browser harness downloads it.
import type { CsvFileDto } from '../api/contract';

/** Long enough for the browser to have started reading the Blob. */
const REVOKE_AFTER_MS = 30_000;

export function saveFile(file: Pick<CsvFileDto, 'filename' | 'content'> & { mime: string }): void {
  // CSV content from the core already starts with a BOM, so spreadsheets read ä/ö as UTF-8.
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
