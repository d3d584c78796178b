// A chart's numbers as CSV and its picture as PNG, saved the renderer's way (a Blob behind
// an <a download>): no Node, no network. The picture is the chart's own SVG drawn on a
// canvas through an <img> with a data: URL (the CSP allows data: images, not blob: ones).

export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
}

const csvCell = (value: Cell): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n;]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV: a header row of the column labels, then one row per data row. */
export function toCsv(columns: readonly Column[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked a moment later: the download has to start reading the blob first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(filename: string, columns: readonly Column[], rows: readonly Record<string, Cell>[]): void {
  // A BOM so that Excel opens the UTF-8 file with ä and ö intact.
  downloadBlob(filename, new Blob(['\uFEFF', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's SVG as a standalone document: sized, on white, in the page's font. */
export function standaloneSvg(svg: SVGSVGElement, title: string): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  // Outside the page no stylesheet applies: the font comes along explicitly.
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  const heading = document.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  copy.insertBefore(background, copy.firstChild);
  copy.insertBefore(heading, copy.firstChild);
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn.'));
    image.src = src;
  });
}

export interface PngCaption {
  title: string;
  /** A second line, e.g. the period. */
  subtitle?: string;
  legend?: readonly { label: string; color: string }[];
}

/** The chart's picture as a PNG Blob (title and legend above it), at twice its size on screen. */
export async function chartPng(svg: SVGSVGElement, caption: PngCaption, scale = 2): Promise<Blob> {
  const { markup, width, height } = standaloneSvg(svg, caption.title);
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
  const font = getComputedStyle(svg).fontFamily || 'sans-serif';
  const header = 30 + (caption.subtitle ? 20 : 0) + (caption.legend?.length ? 24 : 0);
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = (height + header) * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No canvas to draw on.');
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height + header);
  context.fillStyle = '#1c2530';
  context.textBaseline = 'top';
  context.font = `600 16px ${font}`;
  context.fillText(caption.title, 8, 8);
  let y = 30;
  if (caption.subtitle) {
    context.font = `13px ${font}`;
    context.fillStyle = '#4f5b67';
    context.fillText(caption.subtitle, 8, y);
    y += 20;
  }
  if (caption.legend?.length) {
    let x = 8;
    context.font = `13px ${font}`;
    for (const item of caption.legend) {
      context.fillStyle = item.color;
      context.fillRect(x, y + 2, 12, 12);
      context.fillStyle = '#1c2530';
      context.fillText(item.label, x + 17, y + 1);
      x += 17 + context.measureText(item.label).width + 18;
    }
  }
  context.drawImage(image, 0, header, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'));
}

/** A file name of letters, digits and dashes, e.g. "kroi-views-over-time-2026-11-01". */
export function exportName(stem: string, period: { from: string; to: string }, extension: 'csv' | 'png'): string {
  const slug = stem
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `kroi-${slug}-${period.from.slice(0, 10)}-${new Date(Date.parse(period.to) - 1).toISOString().slice(0, 10)}.${extension}`;
}
