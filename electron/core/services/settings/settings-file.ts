// settings.json in the user data folder: read as it is, and replaced atomically (a temporary
// file in the same folder, flushed, then renamed over the old one) so a crash mid-write
// never leaves a half-written file that would stop the next start.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../api/errors';
import { SETTINGS_FILE, settingsFileSchema, type SettingsFile } from '../../config';

export type RawSettings = Record<string, unknown>;

export const settingsPath = (userDataDir: string) => path.join(userDataDir, SETTINGS_FILE);

/** The file's object as it is (other keys such as backupDir are kept when it is rewritten). */
export async function readRawSettings(userDataDir: string): Promise<RawSettings> {
  const file = settingsPath(userDataDir);
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new AppError('CONFLICT', `The settings file ${file} is not valid JSON. Fix or delete it first.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError('CONFLICT', `The settings file ${file} does not hold an object. Fix or delete it first.`);
  return raw as RawSettings;
}

/** The validated view of the file; an invalid file reads as empty (the app would not have started with it). */
export async function readSettings(userDataDir: string): Promise<SettingsFile> {
  const parsed = settingsFileSchema.safeParse(await readRawSettings(userDataDir).catch(() => ({})));
  return parsed.success ? parsed.data : {};
}

export async function writeSettingsAtomically(userDataDir: string, settings: RawSettings): Promise<void> {
  // What is written must load again at the next start.
  const check = settingsFileSchema.safeParse(settings);
  if (!check.success) throw new AppError('VALIDATION', 'These settings would not load at the next start.');
  await mkdir(userDataDir, { recursive: true });
  const target = settingsPath(userDataDir);
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(settings, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
