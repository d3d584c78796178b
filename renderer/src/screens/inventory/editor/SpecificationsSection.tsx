// Specifications as ordered label–value pairs: add, edit, move, remove.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { move, newKey, type SpecDraft } from './car-form';
import type { SectionProps } from './editor-types';
import { focusLater } from './focus-later';
import { ItemButtons } from './ItemButtons';

export function SpecificationsSection({ form, set, errorOf, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const specs = form.specifications;

  function add() {
    const key = newKey();
    set('specifications', [...specs, { key, label: '', value: '' }]);
    focusLater(`[data-spec-key="${key}"]`);
  }

  function update(key: string, patch: Partial<SpecDraft>) {
    set('specifications', specs.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  }

  return (
    <section className="panel editor-section" aria-labelledby={headingId} data-testid="specs-section">
      <h2 className="panel__title" id={headingId}>
        {t('inventory.editor.specifications')} <span className="panel__count">({specs.length})</span>
      </h2>
      {specs.length === 0 ? <p className="muted">{t('inventory.editor.noSpecs')}</p> : null}
      <ol className="ordered-list">
        {specs.map((spec, index) => {
          const name = t('inventory.editor.specN', { n: index + 1 });
          const labelError = errorOf(`specifications.${index}.label`);
          const valueError = errorOf(`specifications.${index}.value`);
          const id = `${headingId}-${spec.key}`;
          return (
            <li key={spec.key} className="ordered-list__item ordered-list__item--pair">
              <div className={`field${labelError ? ' field--invalid' : ''}`}>
                <label className="visually-hidden" htmlFor={`${id}-label`}>
                  {t('inventory.editor.specLabel', { n: index + 1 })}
                </label>
                <input
                  id={`${id}-label`}
                  data-spec-key={spec.key}
                  className="field__input"
                  placeholder={t('inventory.editor.specLabelPlaceholder')}
                  value={spec.label}
                  maxLength={60}
                  aria-invalid={labelError ? true : undefined}
                  aria-describedby={labelError ? `${id}-label-error` : undefined}
                  onChange={(event) => update(spec.key, { label: event.target.value })}
                />
                {labelError ? (
                  <p className="field__error" id={`${id}-label-error`}>
                    {labelError}
                  </p>
                ) : null}
              </div>
              <div className={`field${valueError ? ' field--invalid' : ''}`}>
                <label className="visually-hidden" htmlFor={`${id}-value`}>
                  {t('inventory.editor.specValue', { n: index + 1 })}
                </label>
                <input
                  id={`${id}-value`}
                  className="field__input"
                  placeholder={t('inventory.editor.specValuePlaceholder')}
                  value={spec.value}
                  maxLength={200}
                  aria-invalid={valueError ? true : undefined}
                  aria-describedby={valueError ? `${id}-value-error` : undefined}
                  onChange={(event) => update(spec.key, { value: event.target.value })}
                />
                {valueError ? (
                  <p className="field__error" id={`${id}-value-error`}>
                    {valueError}
                  </p>
                ) : null}
              </div>
              {readOnly ? null : (
                <ItemButtons name={name} index={index} count={specs.length} onMove={(from, to) => set('specifications', move(specs, from, to))} onRemove={() => set('specifications', specs.filter((s) => s.key !== spec.key))} />
              )}
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <button type="button" className="button button--ghost-dark button--small" onClick={add}>
          {t('inventory.editor.addSpec')}
        </button>
      )}
    </section>
  );
}
