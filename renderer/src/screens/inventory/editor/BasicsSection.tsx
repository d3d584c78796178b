// Name, make and model, year, kind, price, mileage and the stock facts.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CAR_CATEGORIES, DRIVE_TYPES, FUEL_TYPES, TRANSMISSIONS } from '../../../api/contract';
import { TextField } from '../../../components/TextField';
import type { SectionProps } from './editor-types';
import { CheckField, SelectField } from './fields';
import { useBrandSuggestions, useModelSuggestions } from './useSuggestions';

export function BasicsSection({ form, set, errorOf, readOnly, isNew }: SectionProps & { isNew: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const brandsId = useId();
  const modelsId = useId();
  const brands = useBrandSuggestions(!readOnly);
  const models = useModelSuggestions(form.brand, !readOnly);
  return (
    <section className="panel editor-section" aria-labelledby={headingId}>
      <h2 className="panel__title" id={headingId}>
        {t('inventory.editor.basics')}
      </h2>
      <div className="form-grid">
        <TextField className="form-grid__wide" label={t('inventory.editor.name')} value={form.name} onValueChange={(v) => set('name', v)} error={errorOf('name')} required maxLength={150} />
        <TextField label={t('inventory.editor.brand')} value={form.brand} onValueChange={(v) => set('brand', v)} error={errorOf('brand')} required list={brandsId} autoComplete="off" />
        <TextField label={t('inventory.editor.model')} value={form.model} onValueChange={(v) => set('model', v)} error={errorOf('model')} required list={modelsId} autoComplete="off" />
        <TextField label={t('inventory.editor.variant')} value={form.variant} onValueChange={(v) => set('variant', v)} error={errorOf('variant')} />
        <TextField label={t('inventory.editor.year')} value={form.year} onValueChange={(v) => set('year', v)} error={errorOf('year')} required inputMode="numeric" />
        <TextField label={t('inventory.editor.price')} value={form.priceEur} onValueChange={(v) => set('priceEur', v)} error={errorOf('priceEur')} required inputMode="decimal" hint={t('inventory.editor.euroHint')} />
        <TextField label={t('inventory.editor.mileage')} value={form.mileageKm} onValueChange={(v) => set('mileageKm', v)} error={errorOf('mileageKm')} required inputMode="numeric" hint={t('inventory.editor.kmHint')} />
        <SelectField label={t('inventory.editor.category')} value={form.category} options={CAR_CATEGORIES} labelOf={(v) => t(`inventory.category.${v}`)} onValueChange={(v) => set('category', v)} error={errorOf('category')} required />
        <SelectField label={t('inventory.editor.fuel')} value={form.fuelType} options={FUEL_TYPES} labelOf={(v) => t(`inventory.fuel.${v}`)} onValueChange={(v) => set('fuelType', v)} error={errorOf('fuelType')} required />
        <SelectField label={t('inventory.editor.transmission')} value={form.transmission} options={TRANSMISSIONS} labelOf={(v) => t(`inventory.transmission.${v}`)} onValueChange={(v) => set('transmission', v)} error={errorOf('transmission')} required />
        <SelectField label={t('inventory.editor.driveType')} value={form.driveType} options={DRIVE_TYPES} labelOf={(v) => t(`inventory.driveType.${v}`)} onValueChange={(v) => set('driveType', v)} emptyLabel={t('inventory.editor.notSet')} error={errorOf('driveType')} />
        <TextField label={t('inventory.editor.color')} value={form.color} onValueChange={(v) => set('color', v)} error={errorOf('color')} />
        <TextField label={t('inventory.editor.registration')} value={form.registrationNumber} onValueChange={(v) => set('registrationNumber', v)} error={errorOf('registrationNumber')} autoComplete="off" />
        <TextField label={t('inventory.editor.vin')} value={form.vin} onValueChange={(v) => set('vin', v.toUpperCase())} error={errorOf('vin')} autoComplete="off" spellCheck={false} maxLength={17} />
        <TextField label={t('inventory.editor.purchasePrice')} value={form.purchasePriceEur} onValueChange={(v) => set('purchasePriceEur', v)} error={errorOf('purchasePriceEur')} inputMode="decimal" hint={t('inventory.editor.purchasePriceHint')} />
        <TextField label={t('inventory.editor.stockedAt')} type="date" value={form.stockedAt} onValueChange={(v) => set('stockedAt', v)} error={errorOf('stockedAt')} hint={isNew ? t('inventory.editor.stockedAtHint') : undefined} />
        {isNew ? (
          <SelectField
            label={t('inventory.editor.initialStatus')}
            value={form.initialStatus}
            options={['AVAILABLE', 'INCOMING'] as const}
            labelOf={(v) => t(`inventory.status.${v}`)}
            onValueChange={(v) => set('initialStatus', v || 'AVAILABLE')}
          />
        ) : null}
        <div className="form-grid__wide">
          <CheckField label={t('inventory.editor.featured')} checked={form.featured} onCheckedChange={(v) => set('featured', v)} hint={t('inventory.editor.featuredHint')} />
        </div>
      </div>
      <datalist id={brandsId}>
        {brands.map((b) => (
          <option key={b} value={b} />
        ))}
      </datalist>
      <datalist id={modelsId}>
        {models.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </section>
  );
}
