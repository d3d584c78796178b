// What every editor section gets: the form, a setter and the message for a field path.
import type { CarForm } from './car-form';

export interface SectionProps {
  form: CarForm;
  set: <K extends keyof CarForm>(key: K, value: CarForm[K]) => void;
  /** For changes that must build on the latest form (several uploads finishing in turn). */
  update: (change: (form: CarForm) => CarForm) => void;
  /** The translated message for a field path ("priceEur", "images.0.alt"), if any. */
  errorOf: (path: string) => string | undefined;
  readOnly: boolean;
}
