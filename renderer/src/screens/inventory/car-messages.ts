// The contract's English rule texts for cars (and zod's own defaults) in the user's language.
// Messages arrive as plain strings from two places, the form's own zod check and the main
// process's VALIDATION fields, so both go through this one table. Unknown ones pass through.
import type { TFunction } from 'i18next';
import type { Messages } from '../../i18n/en';

type ValidationKey = keyof Messages['inventory']['validation'];

interface Known {
  key: ValidationKey;
  values?: Record<string, string | number>;
}

const EXACT: Record<string, ValidationKey> = {
  'Enter a name.': 'nameRequired',
  'Lowercase letters, digits and dashes only.': 'slugPattern',
  'Enter the brand.': 'brandRequired',
  'Enter the model.': 'modelRequired',
  'Enter the model year.': 'yearRequired',
  'Too old.': 'yearTooOld',
  'Not in the future.': 'yearInFuture',
  'Enter an amount in euros.': 'euros',
  'Cannot be negative.': 'negative',
  'That is more than any car here costs.': 'tooExpensive',
  'Enter the mileage in kilometres.': 'mileageRequired',
  'Check the mileage.': 'mileageCheck',
  'A VIN has 17 letters and digits (no I, O or Q).': 'vin',
  'Use an http(s) address or add a file.': 'imageUrl',
  'Describe the picture (alt text).': 'altRequired',
  'At most 40 pictures.': 'tooManyImages',
  'Only one picture can be the primary one.': 'onePrimary',
  'Label?': 'specLabel',
  'Value?': 'specValue',
  'Enter the sale price.': 'salePrice',
  'Another car already has this VIN.': 'vinTaken',
  'A car with this VIN is already in stock.': 'vinInStock',
  'The file is empty.': 'fileEmpty',
  'The file is larger than 5 MB.': 'fileTooLarge',
  'Not valid CSV.': 'notCsv',
  'No rows.': 'noRows',
  'Too many rows.': 'tooManyRows',
  'Not a supported picture.': 'notAPicture',
  'Too large or empty.': 'pictureTooLarge',
  'A picture may be at most 10 MB.': 'pictureTooLarge',
  'Only JPEG, PNG, WebP and AVIF pictures can be added.': 'notAPicture',
  'Not a valid id.': 'invalid',
  'This car is in the trash. Restore it before editing.': 'inTrash',
  'This car is in the trash. Restore it first.': 'inTrash',
};

const PATTERNS: { re: RegExp; known: (m: RegExpExecArray) => Known }[] = [
  { re: /^At most (\d+) characters\.$/, known: (m) => ({ key: 'tooLongMax', values: { max: Number(m[1]) } }) },
  { re: /^The same VIN is on line (\d+)\.$/, known: (m) => ({ key: 'vinDuplicateLine', values: { line: Number(m[1]) } }) },
  { re: /^Unknown column "(.*)"\.$/, known: (m) => ({ key: 'unknownColumn', values: { column: m[1] ?? '' } }) },
  { re: /^Missing columns: (.+)$/, known: (m) => ({ key: 'missingColumns', values: { columns: m[1] ?? '' } }) },
  { re: /^A car cannot move from /, known: () => ({ key: 'moveNotAllowed' }) },
  { re: /^The car is already /, known: () => ({ key: 'alreadyStatus' }) },
  { re: /^Only cars in the trash can be deleted permanently/, known: () => ({ key: 'purgeNotTrash' }) },
  // zod's defaults (zod 4 wording).
  { re: /^Too small: expected string to have >=?1 characters?/, known: () => ({ key: 'required' }) },
  { re: /^Too small: expected \w+ to (?:be|have) >=?(-?[\d.]+)/, known: (m) => ({ key: 'tooSmall', values: { min: Number(m[1]) } }) },
  { re: /^Too big: expected string to have <=?(\d+)/, known: (m) => ({ key: 'tooLongMax', values: { max: Number(m[1]) } }) },
  { re: /^Too big: expected \w+ to (?:be|have) <=?(-?[\d.]+)/, known: (m) => ({ key: 'tooBig', values: { max: Number(m[1]) } }) },
  { re: /^Invalid input: expected (number|int)/, known: () => ({ key: 'notANumber' }) },
  { re: /^Invalid input: expected nonoptional|^Invalid input: expected \w+, received undefined/, known: () => ({ key: 'required' }) },
  { re: /^Invalid option/, known: () => ({ key: 'chooseOne' }) },
  { re: /^Invalid (string|ISO datetime|input)/, known: () => ({ key: 'invalid' }) },
];

export function knownCarMessage(message: string): Known | null {
  if (Object.prototype.hasOwnProperty.call(EXACT, message)) return { key: EXACT[message]! };
  for (const { re, known } of PATTERNS) {
    const match = re.exec(message);
    if (match) return known(match);
  }
  return null;
}

/** The message in the user's language, or as it came when the app does not know it. */
export function carMessage(t: TFunction, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const known = knownCarMessage(message);
  return known ? t(`inventory.validation.${known.key}`, known.values ?? {}) : message;
}
