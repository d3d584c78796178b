// The car's web address and search-engine texts, with length guidance and a preview of
// how the listing shows in a search result.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { META_DESCRIPTION_MAX, META_TITLE_MAX } from '../../../api/contract';
import { TextField } from '../../../components/TextField';
import type { SectionProps } from './editor-types';
import { TextAreaField } from './fields';
import { useSlugPreview } from './useSlugPreview';

export const SITE_CARS_URL = 'https://kroiautocenter.fi/autot/';

/** Cuts a text where a search result would, with an ellipsis. */
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function Counter({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  const over = length > max;
  return (
    <span className={`counter${over ? ' counter--over' : length >= max * 0.8 ? ' counter--good' : ''}`}>
      {t('inventory.seo.counter', { length, max })}
      {over ? ` · ${t('inventory.seo.tooLong')}` : ''}
    </span>
  );
}

export function SeoSection({ form, set, errorOf, readOnly, carId, savedSlug }: SectionProps & { carId: string | undefined; savedSlug: string | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  const previewId = useId();
  const typed = form.slug.trim();
  // What a save would make: the typed slug, else (new car) the name; a saved car keeps its own when left empty.
  const keepsSaved = savedSlug !== undefined && (typed === '' || typed === savedSlug);
  const source = keepsSaved ? '' : typed || form.name;
  const slugPreview = useSlugPreview(source, carId, !readOnly);
  const slug = keepsSaved ? savedSlug : (slugPreview ?? '');
  const url = `${SITE_CARS_URL}${slug || '…'}`;
  const [making, setMaking] = useState(false);

  async function makeFromName() {
    setMaking(true);
    try {
      set('slug', await call('cars.slugPreview', carId ? { name: form.name.trim().slice(0, 150), excludeId: carId } : { name: form.name.trim().slice(0, 150) }));
    } catch {
      // The preview stays as it was; saving still makes a valid slug on the server.
    } finally {
      setMaking(false);
    }
  }
  const title = form.metaTitle.trim() || form.name.trim();
  const description = form.metaDescription.trim() || form.description.trim();
  const titleLength = form.metaTitle.trim().length;
  const descriptionLength = form.metaDescription.trim().length;

  return (
    <section className="panel editor-section" aria-labelledby={headingId} data-testid="seo-section">
      <h2 className="panel__title" id={headingId}>
        {t('inventory.seo.title')}
      </h2>
      <div className="form-grid form-grid--two">
        <div className="form-grid__wide">
          <TextField
            label={t('inventory.editor.slug')}
            value={form.slug}
            onValueChange={(v) => set('slug', v)}
            error={errorOf('slug')}
            hint={savedSlug ? t('inventory.seo.slugHintSaved') : t('inventory.seo.slugHintNew')}
            autoComplete="off"
            spellCheck={false}
            maxLength={160}
          />
          <p className="seo-url" data-testid="slug-preview">
            {t('inventory.seo.address')} <span className="seo-url__value">{url}</span>
            {!keepsSaved && typed && slugPreview && slugPreview !== typed ? (
              <span className="seo-url__note"> {t('inventory.seo.willBe', { slug: slugPreview })}</span>
            ) : null}
          </p>
          {!readOnly && form.name.trim() ? (
            <button type="button" className="link-button" onClick={() => void makeFromName()} disabled={making}>
              {t('inventory.seo.fromName')}
            </button>
          ) : null}
        </div>
        <div className="form-grid__wide">
          <TextField
            label={t('inventory.seo.metaTitle')}
            value={form.metaTitle}
            onValueChange={(v) => set('metaTitle', v)}
            error={errorOf('metaTitle')}
            hint={t('inventory.seo.metaTitleHint', { max: META_TITLE_MAX })}
            maxLength={META_TITLE_MAX + 20}
          />
          <Counter length={titleLength} max={META_TITLE_MAX} />
        </div>
        <div className="form-grid__wide">
          <TextAreaField
            label={t('inventory.seo.metaDescription')}
            rows={3}
            value={form.metaDescription}
            onValueChange={(v) => set('metaDescription', v)}
            error={errorOf('metaDescription')}
            hint={t('inventory.seo.metaDescriptionHint', { max: META_DESCRIPTION_MAX })}
            maxLength={META_DESCRIPTION_MAX + 40}
          />
          <Counter length={descriptionLength} max={META_DESCRIPTION_MAX} />
        </div>
      </div>
      <figure className="serp" aria-labelledby={previewId} data-testid="serp-preview">
        <figcaption className="serp__caption" id={previewId}>
          {t('inventory.seo.preview')}
        </figcaption>
        <p className="serp__url">{url}</p>
        <p className="serp__title">{cut(title || t('inventory.seo.noTitle'), META_TITLE_MAX)}</p>
        <p className="serp__description">{cut(description || t('inventory.seo.noDescription'), META_DESCRIPTION_MAX)}</p>
      </figure>
    </section>
  );
}
