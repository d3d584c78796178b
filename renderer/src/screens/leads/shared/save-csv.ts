// Saves a CSV the main process made (leads.exportCsv, newsletter.exportCsv) through the
// browser's own download: a Blob URL on an <a download>, no Node and no inline script.
import type { CsvFileDto } from '../../../api/contract';

/** Long enough for the browser to have started reading the Blob. */
const REVOKE_AFTER_MS = 30_000;

export function saveCsv(file: CsvFileDto): void {
  // The content already starts with a BOM, so spreadsheets read ä and ö right.
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
