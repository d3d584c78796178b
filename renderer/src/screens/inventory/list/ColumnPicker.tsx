// "Columns": a disclosure with a checkbox per optional column. Escape or a click outside closes it.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_IDS, type ColumnId } from './column-prefs';

interface ColumnPickerProps {
  columns: readonly ColumnId[];
  onToggle: (id: ColumnId) => void;
  onReset: () => void;
}

export function ColumnPicker({ columns, onToggle, onReset }: ColumnPickerProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div
      className="popover-anchor"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button--ghost button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {t('inventory.columnsPicker.button')}
      </button>
      <div id={panelId} className="popover" hidden={!open}>
        <fieldset className="popover__group">
          <legend className="popover__legend">{t('inventory.columnsPicker.legend')}</legend>
          {COLUMN_IDS.map((id) => (
            <label key={id} className="popover__option">
              <input type="checkbox" checked={columns.includes(id)} onChange={() => onToggle(id)} />
              <span>{t(`inventory.columns.${id}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="button" className="button button--ghost button--small" onClick={onReset}>
          {t('inventory.columnsPicker.reset')}
        </button>
      </div>
    </div>
  );
}
