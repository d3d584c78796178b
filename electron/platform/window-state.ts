// Remembers the window's size and position in a small JSON file in the user data folder.
// The file is validated and the bounds clamped to a display that exists now, so an
// unplugged monitor or a hand-edited file never puts the window off screen.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 960, height: 640 } as const;
/** How much of the title bar must lie on a display for a saved position to be kept. */
const MIN_VISIBLE = 120;

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(100).max(100_000);
const stateSchema = z.object({ x: coordinate, y: coordinate, width: size, height: size, maximized: z.boolean() });

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

function centred(area: Rect, width: number, height: number): Rect {
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Fits saved bounds onto the current displays' work areas (the first is the primary):
 * kept where enough of the top edge is visible, shrunk to the display, else centred.
 */
export function fitToDisplays(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height };
  const fallback = (): WindowState => ({
    ...centred(primary, Math.min(DEFAULT_SIZE.width, primary.width), Math.min(DEFAULT_SIZE.height, primary.height)),
    maximized: saved?.maximized ?? false,
  });
  if (!saved) return fallback();

  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: 32 };
  const area = workAreas.find((a) => {
    const seen = overlap(titleBar, a);
    return seen !== null && seen.width >= Math.min(MIN_VISIBLE, saved.width);
  });
  if (!area) return fallback();

  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}

export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // first start or an unreadable file: default bounds
  }
}

/** Written synchronously on close (tiny file), via a temporary name so a crash never leaves half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  const valid = stateSchema.safeParse({
    ...state,
    x: Math.round(state.x),
    y: Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
  });
  if (!valid.success) return;
  const temp = `${file}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(valid.data), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // Losing the window position is harmless; quitting must not fail over it.
  }
}
