// "Move to…": a menu button offering only the moves LEAD_STATUS_MOVES allows from the lead's
// status. The keyboard way to move a card on the board (arrows, Home/End, Enter, Escape).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUS_MOVES, type LeadStatus } from '../../../api/contract';

interface MoveMenuProps {
  from: LeadStatus;
  /** The lead's name, so that each card's button has its own accessible name. */
  name: string;
  disabled?: boolean;
  onMove: (to: LeadStatus) => void;
}

export function MoveMenu({ from, name, disabled = false, onMove }: MoveMenuProps) {
  const { t } = useTranslation();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const moves = LEAD_STATUS_MOVES[from];

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    // A click anywhere else closes the menu, as a native one would.
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }

  function onMenuKey(event: KeyboardEvent<HTMLUListElement>) {
    const last = moves.length - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive((i) => (i >= last ? 0 : i + 1)),
      ArrowUp: () => setActive((i) => (i <= 0 ? last : i - 1)),
      Home: () => setActive(0),
      End: () => setActive(last),
      Escape: () => close(true),
      Tab: () => close(false),
    };
    const handler = keys[event.key];
    if (!handler) return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
    handler();
  }

  if (moves.length === 0) return null;
  return (
    <div className="move-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--ghost button--small move-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('leads.move.menuFor', { name })}
        disabled={disabled}
        onClick={() => {
          setActive(0);
          setOpen((value) => !value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(event.key === 'ArrowUp' ? moves.length - 1 : 0);
            setOpen(true);
          }
        }}
      >
        {t('leads.move.menu')}
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul className="move-menu__list" id={menuId} role="menu" aria-label={t('leads.move.menuFor', { name })} onKeyDown={onMenuKey}>
          {moves.map((status, index) => (
            <li key={status} role="none">
              <button
                ref={(element) => {
                  items.current[index] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={index === active ? 0 : -1}
                className="move-menu__item"
                onClick={() => {
                  close(true);
                  onMove(status);
                }}
              >
                {t(`leads.status.${status}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
