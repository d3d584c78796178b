// Equipment as an ordered list of short lines: add, edit, move, remove.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { move, newKey } from './car-form';
import type { SectionProps } from './editor-types';
import { focusLater } from './focus-later';
import { ItemButtons } from './ItemButtons';

export function FeaturesSection({ form, set, errorOf, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const features = form.features;

  function add() {
    const key = newKey();
    set('features', [...features, { key, text: '' }]);
    focusLater(`[data-feature-key="${key}"]`);
  }

  return (
    <section className="panel editor-section" aria-labelledby={headingId} data-testid="features-section">
      <h2 className="panel__title" id={headingId}>
        {t('inventory.editor.features')} <span className="panel__count">({features.length})</span>
      </h2>
      {features.length === 0 ? <p className="muted">{t('inventory.editor.noFeatures')}</p> : null}
      <ol className="ordered-list">
        {features.map((feature, index) => {
          const name = t('inventory.editor.featureN', { n: index + 1 });
          const error = errorOf(`features.${index}`);
          const inputId = `${headingId}-${feature.key}`;
          return (
            <li key={feature.key} className={`ordered-list__item${error ? ' field--invalid' : ''}`}>
              <label className="visually-hidden" htmlFor={inputId}>
                {name}
              </label>
              <input
                id={inputId}
                data-feature-key={feature.key}
                className="field__input"
                value={feature.text}
                maxLength={120}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${inputId}-error` : undefined}
                onChange={(event) => set('features', features.map((f) => (f.key === feature.key ? { ...f, text: event.target.value } : f)))}
                onKeyDown={(event) => {
                  // Enter in the last line adds the next one: fast typing of a long list.
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    if (index === features.length - 1 && !readOnly) add();
                  }
                }}
              />
              {readOnly ? null : (
                <ItemButtons name={name} index={index} count={features.length} onMove={(from, to) => set('features', move(features, from, to))} onRemove={() => set('features', features.filter((f) => f.key !== feature.key))} />
              )}
              {error ? (
                <p className="field__error ordered-list__error" id={`${inputId}-error`}>
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <button type="button" className="button button--ghost-dark button--small" onClick={add}>
          {t('inventory.editor.addFeature')}
        </button>
      )}
    </section>
  );
}
