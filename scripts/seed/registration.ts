// Identifiers a real car carries: a 17-character VIN with the maker's code and a valid
// check digit, and a Finnish registration plate (ABC-123).
import { VIN_WMI } from './catalog';
import type { Rng } from './random';

// VIN check digit (ISO 3779 / North American rule, also used by many European makers).
const VIN_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VIN_YEARS = 'ABCDEFGHJKLMNPRSTVWXY123456789';

export function buildVin(rng: Rng, brand: string, year: number, serial: number): string {
  let vin = VIN_WMI[brand] ?? 'XXX';
  for (let k = 0; k < 5; k++) vin += VIN_CHARS[rng.int(0, VIN_CHARS.length - 1)];
  vin += '0';
  vin += VIN_YEARS[(((year - 2010) % 30) + 30) % 30];
  vin += VIN_CHARS[rng.int(0, 22)];
  // The serial is the car's index: VINs are unique by construction (cars are capped below 10^6).
  vin += String(serial).padStart(6, '0');
  let sum = 0;
  for (let k = 0; k < 17; k++) {
    const ch = vin[k] as string;
    sum += (ch >= '0' && ch <= '9' ? Number(ch) : (VIN_VALUES[ch] ?? 0)) * (VIN_WEIGHTS[k] as number);
  }
  const check = sum % 11;
  return vin.slice(0, 8) + (check === 10 ? 'X' : String(check)) + vin.slice(9);
}

const PLATE_LETTERS = 'ABCDEFGHIJKLMNOPRSTUVXYZ';
export function drawPlate(rng: Rng): string {
  let letters = '';
  for (let k = 0; k < 3; k++) letters += PLATE_LETTERS[rng.int(0, PLATE_LETTERS.length - 1)];
  return `${letters}-${rng.int(1, 999)}`;
}
