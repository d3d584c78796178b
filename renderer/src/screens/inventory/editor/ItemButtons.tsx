// Up, down and remove for one item of an ordered list: the keyboard's way to reorder.
import { useTranslation } from 'react-i18next';

interface ItemButtonsProps {
  /** Names the item in the buttons' labels, e.g. "Feature 2". */
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

export function ItemButtons({ name, index, count, onMove, onRemove }: ItemButtonsProps) {
  const { t } = useTranslation();
  return (
    <div className="item-buttons">
      <button type="button" className="icon-button" onClick={() => onMove(index, index - 1)} disabled={index === 0} aria-label={t('inventory.editor.moveUp', { name })} title={t('inventory.editor.moveUp', { name })}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" className="icon-button" onClick={() => onMove(index, index + 1)} disabled={index === count - 1} aria-label={t('inventory.editor.moveDown', { name })} title={t('inventory.editor.moveDown', { name })}>
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" className="icon-button icon-button--danger" onClick={onRemove} aria-label={t('inventory.editor.remove', { name })} title={t('inventory.editor.remove', { name })}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
