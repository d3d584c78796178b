// The inventory screens' pure parts: the editor's form model, number reading, list inputs,
// row selection, remembered columns and the translation of the contract's car messages.
import { describe, expect, it } from 'vitest';
import { carCreateInput, type CarDto } from '../../renderer/src/api/contract';
import { zodFieldErrors } from '../../renderer/src/lib/field-errors';
import { knownCarMessage } from '../../renderer/src/screens/inventory/car-messages';
import { differingFields, emptyForm, formFromCar, formSignature, formToFields, move, rebaseForm, withPrimary } from '../../renderer/src/screens/inventory/editor/car-form';
import { dateInputToIso, formatEur, formatKm, isoToDateInput, parseNumber } from '../../renderer/src/screens/inventory/format';
import { COLUMNS_STORAGE_KEY, DEFAULT_COLUMNS, readColumns } from '../../renderer/src/screens/inventory/list/column-prefs';
import { activeFilterCount, effectiveSort, filtersInput, listInput } from '../../renderer/src/screens/inventory/list/list-input';
import { EMPTY_FILTERS } from '../../renderer/src/screens/inventory/list/list-store';
import { toggleAll, toggleSelection } from '../../renderer/src/screens/inventory/list/selection';

const car: CarDto = {
  id: 'c1',
  slug: 'toyota-corolla',
  name: 'Toyota Corolla',
  brand: 'Toyota',
  model: 'Corolla',
  variant: null,
  year: 2021,
  priceEur: 21900,
  mileageKm: 45000,
  fuelType: 'HYBRID',
  transmission: 'AUTOMATIC',
  category: 'HATCHBACK',
  color: null,
  status: 'AVAILABLE',
  featured: false,
  primaryImageUrl: 'https://x.test/1.jpg',
  daysInStock: 3,
  views: 10,
  createdAt: '2026-11-01T10:00:00.000Z',
  deletedAt: null,
  version: 4,
  driveType: null,
  doors: 5,
  seats: null,
  engineSizeCc: null,
  powerKw: 90,
  co2GPerKm: null,
  vin: null,
  registrationNumber: 'ABC-123',
  description: 'Hyvä auto.',
  descriptionEn: null,
  metaTitle: null,
  metaDescription: null,
  purchasePriceEur: null,
  soldPriceEur: null,
  soldAt: null,
  stockedAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  images: [
    { id: 'i1', url: 'https://x.test/1.jpg', alt: 'Front', sortOrder: 0, isPrimary: true },
    { id: 'i2', url: 'https://x.test/2.jpg', alt: 'Back', sortOrder: 1, isPrimary: false },
  ],
  features: ['Lohkolämmitin'],
  specifications: [{ label: 'Teho', value: '90 kW' }],
};

describe('numbers and dates as typed', () => {
  it('reads Finnish and English numbers, and refuses the unreadable', () => {
    expect(parseNumber('21 900')).toBe(21900);
    expect(parseNumber('21\u00a0900,50 €')).toBe(21900.5);
    expect(parseNumber('21900.5')).toBe(21900.5);
    expect(parseNumber('45 000 km')).toBe(45000);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNaN();
    expect(parseNumber('20x9')).toBeNaN();
  });

  it('shows euros and kilometres the Finnish way', () => {
    expect(formatEur(21900).replace(/\s/g, ' ')).toBe('21 900 €');
    expect(formatEur(null)).toBe('—');
    expect(formatKm(45000).replace(/\s/g, ' ')).toBe('45 000 km');
  });

  it('keeps the day of a date input through ISO and back', () => {
    const iso = dateInputToIso('2026-03-09');
    expect(iso).not.toBeNull();
    expect(isoToDateInput(iso)).toBe('2026-03-09');
    expect(dateInputToIso('9.3.2026')).toBeNull();
  });
});

describe('the editor form model', () => {
  it('round-trips a car through the form into a valid update', () => {
    const fields = formToFields(formFromCar(car));
    const parsed = carCreateInput.safeParse(fields);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.priceEur).toBe(21900);
    expect(parsed.data.images.map((i) => [i.alt, i.isPrimary])).toEqual([
      ['Front', true],
      ['Back', false],
    ]);
    expect(parsed.data.features).toEqual(['Lohkolämmitin']);
    expect(parsed.data.doors).toBe(5);
    expect(parsed.data.seats).toBeNull();
  });

  it('sends the stock date back unchanged unless its day was changed', () => {
    const form = formFromCar(car);
    expect(formToFields(form).stockedAt).toBe(car.stockedAt);
    const moved = formToFields({ ...form, stockedAt: '2026-10-15' }).stockedAt;
    expect(moved).not.toBe(car.stockedAt);
    expect(isoToDateInput(moved)).toBe('2026-10-15');
  });

  it('puts the contract messages on the right fields of an empty or wrong form', () => {
    const form = { ...emptyForm(), year: '20x9', images: [{ key: 'a', url: 'https://x.test/a.jpg', alt: '', isPrimary: true }] };
    const parsed = carCreateInput.safeParse(formToFields(form));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = zodFieldErrors(parsed.error);
    expect(errors['name']).toBe('Enter a name.');
    expect(errors['year']).toBe('Enter the model year.');
    expect(errors['priceEur']).toBe('Enter an amount in euros.');
    expect(errors['images.0.alt']).toBe('Describe the picture (alt text).');
    expect(knownCarMessage(errors['fuelType'] ?? '')?.key).toBe('chooseOne');
  });

  it('sees no change in a fresh form, and one after an edit', () => {
    const form = formFromCar(car);
    expect(formSignature(form)).toBe(formSignature(formFromCar(car)));
    expect(differingFields(form, { ...form, color: 'Punainen' })).toEqual(['color']);
  });

  it('rebases: untouched fields follow the new car, edited ones stay', () => {
    const edited = { ...formFromCar(car), color: 'Punainen' };
    const after: CarDto = { ...car, version: 5, status: 'SOLD', stockedAt: '2026-11-05T10:00:00.000Z', color: null };
    const rebased = rebaseForm(edited, car, after);
    expect(rebased.color).toBe('Punainen');
    expect(rebased.stockedAt).toBe(isoToDateInput(after.stockedAt));
  });

  it('keeps exactly one primary picture and moves items', () => {
    const images = formFromCar(car).images;
    const removedPrimary = withPrimary(images.slice(1));
    expect(removedPrimary.map((i) => i.isPrimary)).toEqual([true]);
    expect(withPrimary(images, images[1]!.key).map((i) => i.isPrimary)).toEqual([false, true]);
    expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(move(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});

describe('the list', () => {
  it('sends only the filters that are set', () => {
    const filters = { ...EMPTY_FILTERS, brand: ['Toyota'], priceMax: 30000, featured: true };
    expect(filtersInput({ search: '  ', filters, trash: true })).toEqual({ brand: ['Toyota'], priceMax: 30000, featured: true, deleted: true });
    expect(activeFilterCount(filters)).toBe(3);
    expect(listInput({ search: 'corolla', filters: EMPTY_FILTERS, sort: 'relevance', dir: 'desc', trash: false }, 'cur', 100)).toEqual({ q: 'corolla', sort: 'relevance', dir: 'desc', cursor: 'cur', limit: 100 });
    expect(effectiveSort({ search: '', sort: 'relevance' })).toBe('createdAt');
  });

  it('selects one row, a Shift range, and all loaded rows', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const one = toggleSelection(new Set(), ids, 0, null, false);
    expect([...one]).toEqual(['a']);
    const range = toggleSelection(one, ids, 2, 0, true);
    expect([...range].sort()).toEqual(['a', 'b', 'c']);
    const unrange = toggleSelection(range, ids, 1, 2, true);
    expect([...unrange]).toEqual(['a']);
    expect(toggleAll(new Set(['a']), ids).size).toBe(4);
    expect(toggleAll(new Set(ids), ids).size).toBe(0);
  });

  it('remembers the chosen columns and survives junk in storage', () => {
    const storage = (value: string | null) => ({ getItem: (key: string) => (key === COLUMNS_STORAGE_KEY ? value : null) });
    expect(readColumns(storage(null))).toEqual([...DEFAULT_COLUMNS]);
    expect(readColumns(storage('not json'))).toEqual([...DEFAULT_COLUMNS]);
    expect(readColumns(storage('["views","bogus","price"]'))).toEqual(['price', 'views']);
  });
});
