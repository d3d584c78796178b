// The car's pictures: add by address or from local files (copied into the media folder by
// media.upload), reorder by dragging or with the buttons, choose the primary one, and give
// each its alt text.
import { useId, useState, type ChangeEvent } from 'react';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import { imageInput, MEDIA_MAX_BYTES } from '../../../api/contract';
import { errorText } from '../../../lib/error-text';
import { carMessage } from '../car-messages';
import { move, newKey, withPrimary, type ImageDraft } from './car-form';
import type { SectionProps } from './editor-types';
import { focusLater } from './focus-later';
import { SortableImage } from './SortableImage';

const MAX_IMAGES = 40;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      // A data URL: "data:image/png;base64,<bytes>".
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function ImagesSection({ form, set, update, errorOf, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const urlId = useId();
  const fileId = useId();
  const primaryGroup = useId();
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(0);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const images = form.images;
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const nameOf = (key: string | number) => t('inventory.editor.imageN', { n: images.findIndex((i) => i.key === key) + 1 });
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('inventory.editor.dnd.picked', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('inventory.editor.dnd.over', { name: nameOf(active.id), position: images.findIndex((i) => i.key === over.id) + 1 }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('inventory.editor.dnd.dropped', { name: nameOf(active.id), position: images.findIndex((i) => i.key === over.id) + 1 }) : undefined),
    onDragCancel: ({ active }) => t('inventory.editor.dnd.cancelled', { name: nameOf(active.id) }),
  };

  function setImages(next: ImageDraft[]) {
    set('images', withPrimary(next));
  }

  function addImage(imageUrl: string) {
    const key = newKey();
    update((current) => ({ ...current, images: withPrimary([...current.images, { key, url: imageUrl, alt: '', isPrimary: false }]) }));
    // Alt text is required: the new picture's field is where the user goes next.
    focusLater(`#alt-${key}`);
  }

  function addUrl() {
    const checked = imageInput.shape.url.safeParse(url);
    if (!checked.success) {
      setUrlError(carMessage(t, checked.error.issues[0]?.message) ?? t('inventory.validation.imageUrl'));
      return;
    }
    if (images.length >= MAX_IMAGES) {
      setUrlError(t('inventory.validation.tooManyImages'));
      return;
    }
    setUrlError(null);
    setUrl('');
    addImage(checked.data);
  }

  async function addFiles(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    setUploadError(null);
    for (const file of files) {
      if (file.size > MEDIA_MAX_BYTES) {
        setUploadError(t('inventory.validation.pictureTooLarge'));
        continue;
      }
      setUploading((n) => n + 1);
      try {
        const { url: uploaded } = await call('media.upload', { filename: file.name, dataBase64: await readBase64(file) });
        addImage(uploaded);
      } catch (error) {
        const apiError = toApiError(error);
        setUploadError(`${file.name}: ${carMessage(t, apiError.fields['file'] ?? apiError.fields['dataBase64']) ?? errorText(t, apiError)}`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = images.findIndex((i) => i.key === active.id);
    const to = images.findIndex((i) => i.key === over.id);
    setImages(move(images, from, to));
  }

  const listError = errorOf('images');

  return (
    <section className="panel editor-section" aria-labelledby={headingId} data-testid="images-section">
      <h2 className="panel__title" id={headingId}>
        {t('inventory.editor.images')} <span className="panel__count">({images.length})</span>
      </h2>
      {readOnly ? null : (
        <div className="image-add">
          <div className={`field image-add__url${urlError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={urlId}>
              {t('inventory.editor.imageUrl')}
            </label>
            <div className="inline-controls">
              <input
                id={urlId}
                className="field__input"
                type="url"
                value={url}
                placeholder="https://"
                aria-invalid={urlError ? true : undefined}
                aria-describedby={urlError ? `${urlId}-error` : undefined}
                onChange={(event) => setUrl(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    addUrl();
                  }
                }}
              />
              <button type="button" className="button button--ghost-dark" onClick={addUrl} disabled={!url.trim()}>
                {t('inventory.editor.addImage')}
              </button>
            </div>
            {urlError ? (
              <p className="field__error" id={`${urlId}-error`}>
                {urlError}
              </p>
            ) : null}
          </div>
          <div className="image-add__file">
            <input id={fileId} className="file-input" type="file" accept="image/jpeg,image/png,image/webp,image/avif" multiple onChange={(event) => void addFiles(event)} />
            <label htmlFor={fileId} className="button button--ghost-dark">
              {t('inventory.editor.addFiles')}
            </label>
            {uploading > 0 ? <span role="status">{t('inventory.editor.uploading', { count: uploading })}</span> : null}
          </div>
          {uploadError ? (
            <p className="form-alert" role="alert">
              {uploadError}
            </p>
          ) : null}
        </div>
      )}
      {listError ? <p className="field__error">{listError}</p> : null}
      {images.length === 0 ? <p className="muted">{t('inventory.editor.noImages')}</p> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('inventory.editor.dnd.instructions') } }}
      >
        <SortableContext items={images.map((i) => i.key)} strategy={verticalListSortingStrategy}>
          <ol className="image-list">
            {images.map((image, index) => (
              <SortableImage
                key={image.key}
                image={image}
                index={index}
                count={images.length}
                primaryGroup={primaryGroup}
                readOnly={readOnly}
                altError={errorOf(`images.${index}.alt`)}
                urlError={errorOf(`images.${index}.url`)}
                onAlt={(alt) => set('images', images.map((i) => (i.key === image.key ? { ...i, alt } : i)))}
                onPrimary={() => set('images', withPrimary(images, image.key))}
                onMove={(from, to) => setImages(move(images, from, to))}
                onRemove={() => setImages(images.filter((i) => i.key !== image.key))}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </section>
  );
}
