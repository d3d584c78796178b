// Ctrl+K: a modal dialog with a filtering combobox over the commands. Arrow keys choose,
// Enter runs, Escape closes; focus stays inside and returns where it was.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { filterCommands } from '../lib/command-filter';
import { focusableWithin } from '../lib/focus';
import type { Command } from './useCommands';

interface CommandPaletteProps {
  open: boolean;
  onClose: () => void;
  commands: readonly Command[];
}

export function CommandPalette({ open, onClose, commands }: CommandPaletteProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  // A chosen command runs after the dialog has closed, so its own focus moves win.
  const pending = useRef<Command | null>(null);
  const baseId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const results = useMemo(() => filterCommands(commands, query), [commands, query]);
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));
  const optionId = (index: number) => `${baseId}-option-${index}`;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      input.current?.focus();
    } else if (!open && element.open) {
      element.close();
      const target = returnFocus.current;
      returnFocus.current = null;
      if (target?.isConnected) target.focus();
      const command = pending.current;
      pending.current = null;
      command?.run();
    }
  }, [open]);

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  function reset() {
    setQuery('');
    setActive(0);
  }

  function choose(command: Command | undefined) {
    if (!command) return;
    pending.current = command;
    reset();
    onClose();
  }

  function close() {
    reset();
    onClose();
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = results.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive(activeIndex >= last ? 0 : activeIndex + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive(activeIndex <= 0 ? Math.max(0, last) : activeIndex - 1);
        break;
      case 'Home':
        event.preventDefault();
        setActive(0);
        break;
      case 'End':
        event.preventDefault();
        setActive(Math.max(0, last));
        break;
      case 'Enter':
        event.preventDefault();
        choose(results[activeIndex]);
        break;
    }
  }

  function onDialogKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape') {
      // Handled here rather than left to the dialog, so React's state and the element agree.
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = focusableWithin(dialog.current);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const titleId = `${baseId}-title`;
  const listId = `${baseId}-list`;
  const helpId = `${baseId}-help`;

  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-labelledby={titleId}
      data-testid="command-palette"
      onKeyDown={onDialogKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClose={() => {
        // The browser may close a modal dialog by itself; follow it.
        if (open) close();
      }}
      onMouseDown={(event) => {
        // A press on the backdrop lands on the dialog element itself.
        if (event.target === dialog.current) close();
      }}
    >
      {open ? (
        <div className="palette__inner">
          <h2 className="visually-hidden" id={titleId}>
            {t('palette.title')}
          </h2>
          <label className="visually-hidden" htmlFor={`${baseId}-input`}>
            {t('palette.search')}
          </label>
          <input
            ref={input}
            id={`${baseId}-input`}
            className="palette__input"
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={results.length > 0 ? optionId(activeIndex) : undefined}
            aria-describedby={helpId}
            placeholder={t('palette.placeholder')}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onInputKeyDown}
          />
          <ul className="palette__list" id={listId} role="listbox" aria-label={t('palette.title')}>
            {results.map((command, index) => (
              <li
                key={command.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                aria-keyshortcuts={command.shortcut}
                className={index === activeIndex ? 'palette__option palette__option--active' : 'palette__option'}
                onMouseMove={() => setActive(index)}
                onClick={() => choose(command)}
              >
                <span>{command.label}</span>
                {command.shortcut ? (
                  <kbd className="palette__kbd" aria-hidden="true">
                    {command.shortcut}
                  </kbd>
                ) : null}
              </li>
            ))}
          </ul>
          {results.length === 0 ? (
            <p className="palette__empty" role="status">
              {t('palette.noResults')}
            </p>
          ) : null}
          <p className="palette__help" id={helpId}>
            {t('palette.help')}
          </p>
        </div>
      ) : null}
    </dialog>
  );
}
