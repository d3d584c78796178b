// Doors, seats, engine, power and emissions: all optional.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/TextField';
import type { SectionProps } from './editor-types';

const FIELDS = [
  ['doors', 'doors'],
  ['seats', 'seats'],
  ['engineSizeCc', 'engineSize'],
  ['powerKw', 'power'],
  ['co2GPerKm', 'co2'],
] as const;

export function TechnicalSection({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel editor-section" aria-labelledby={headingId}>
      <h2 className="panel__title" id={headingId}>
        {t('inventory.editor.technical')}
      </h2>
      <div className="form-grid form-grid--five">
        {FIELDS.map(([key, label]) => (
          <TextField key={key} label={t(`inventory.editor.${label}`)} value={form[key]} onValueChange={(v) => set(key, v)} error={errorOf(key)} inputMode="numeric" />
        ))}
      </div>
    </section>
  );
}
