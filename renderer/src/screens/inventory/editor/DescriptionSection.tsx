// The sales text shown on the website, in Finnish and in English.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './editor-types';
import { TextAreaField } from './fields';

export function DescriptionSection({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel editor-section" aria-labelledby={headingId}>
      <h2 className="panel__title" id={headingId}>
        {t('inventory.editor.descriptions')}
      </h2>
      <div className="form-grid form-grid--two">
        <TextAreaField label={t('inventory.editor.descriptionFi')} lang="fi" rows={6} value={form.description} onValueChange={(v) => set('description', v)} error={errorOf('description')} />
        <TextAreaField label={t('inventory.editor.descriptionEn')} lang="en" rows={6} value={form.descriptionEn} onValueChange={(v) => set('descriptionEn', v)} error={errorOf('descriptionEn')} />
      </div>
    </section>
  );
}
