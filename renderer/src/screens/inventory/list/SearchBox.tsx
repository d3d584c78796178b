// The one search box. Typing is debounced (~250 ms) before it reaches the list; the server
// forgives typos and stems Finnish, so there is nothing clever to do here. "/" focuses it.
import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const SEARCH_DEBOUNCE_MS = 250;

interface SearchBoxProps {
  value: string;
  onSearch: (value: string) => void;
}

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ value, onSearch }, ref) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  // Cleared or set from elsewhere (an empty state's "clear search"): show it.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(onSearch);
  useEffect(() => {
    latest.current = onSearch;
  });

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function change(next: string) {
    setText(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(next), SEARCH_DEBOUNCE_MS);
  }

  return (
    <div className="inv-search" role="search">
      <label htmlFor={id} className="visually-hidden">
        {t('inventory.search.label')}
      </label>
      <input
        ref={ref}
        id={id}
        type="search"
        className="field__input inv-search__input"
        placeholder={t('inventory.search.placeholder')}
        value={text}
        onChange={(event) => change(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            // Enter searches at once.
            if (timer.current) clearTimeout(timer.current);
            latest.current(text);
          } else if (event.key === 'Escape' && text) {
            event.preventDefault();
            if (timer.current) clearTimeout(timer.current);
            setText('');
            latest.current('');
          }
        }}
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
      />
      <kbd className="inv-search__kbd" aria-hidden="true">
        /
      </kbd>
    </div>
  );
});
