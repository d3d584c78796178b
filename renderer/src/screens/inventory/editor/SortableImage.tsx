// One picture in the editor's list: drag handle (dnd-kit), thumbnail, alt text, primary
// choice and the keyboard's move/remove buttons.
import { useState } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { ImageDraft } from './car-form';
import { ItemButtons } from './ItemButtons';

interface SortableImageProps {
  image: ImageDraft;
  index: number;
  count: number;
  primaryGroup: string;
  readOnly: boolean;
  altError?: string;
  urlError?: string;
  onAlt: (alt: string) => void;
  onPrimary: () => void;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

export function SortableImage({ image, index, count, primaryGroup, readOnly, altError, urlError, onAlt, onPrimary, onMove, onRemove }: SortableImageProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: image.key, disabled: readOnly });
  const name = t('inventory.editor.imageN', { n: index + 1 });
  const altId = `alt-${image.key}`;
  const style = { transform: CSS.Transform.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={`image-item${isDragging ? ' image-item--dragging' : ''}${image.isPrimary ? ' image-item--primary' : ''}`} data-testid="image-item">
      {readOnly ? null : (
        <button type="button" ref={setActivatorNodeRef} className="icon-button image-item__handle" {...attributes} {...listeners} aria-label={t('inventory.editor.dragImage', { name })}>
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <ImageThumb url={image.url} />
      <div className="image-item__fields">
        <p className="image-item__url" title={image.url}>
          {image.url}
        </p>
        {urlError ? <p className="field__error">{urlError}</p> : null}
        <div className={`field${altError ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={altId}>
            {t('inventory.editor.altText', { name })}
          </label>
          <input
            id={altId}
            className="field__input"
            value={image.alt}
            maxLength={200}
            required
            aria-invalid={altError ? true : undefined}
            aria-describedby={altError ? `${altId}-error` : undefined}
            onChange={(event) => onAlt(event.target.value)}
          />
          {altError ? (
            <p className="field__error" id={`${altId}-error`}>
              {altError}
            </p>
          ) : null}
        </div>
        <label className="image-item__primary">
          <input type="radio" name={primaryGroup} checked={image.isPrimary} onChange={onPrimary} />
          <span>{t('inventory.editor.primary')}</span>
        </label>
      </div>
      {readOnly ? null : <ItemButtons name={name} index={index} count={count} onMove={onMove} onRemove={onRemove} />}
    </li>
  );
}

function ImageThumb({ url }: { url: string }) {
  const [broken, setBroken] = useState(false);
  // The CSP shows https pictures only; others (and unreachable ones) are listed without a preview.
  if (broken || !/^https:\/\//.test(url)) return <span className="image-item__thumb image-item__thumb--none" aria-hidden="true" />;
  return <img className="image-item__thumb" src={url} alt="" loading="lazy" onError={() => setBroken(true)} />;
}
