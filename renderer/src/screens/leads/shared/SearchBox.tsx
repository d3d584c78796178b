// A search box whose typing is debounced before it reaches the list; Enter searches at once
// and Escape clears. The inbox's by default (name, email or phone).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 250;

interface SearchBoxProps {
  value: string;
  onSearch: (value: string) => void;
  label?: string;
  placeholder?: string;
}

export function SearchBox({ value, onSearch, label, placeholder }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // Set from elsewhere (an empty state's "clear search"): show it.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(onSearch);
  useEffect(() => {
    latest.current = onSearch;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function send(next: string) {
    if (timer.current) clearTimeout(timer.current);
    latest.current(next);
  }

  return (
    <div className="leads-search" role="search">
      <label htmlFor={id} className="visually-hidden">
        {label ?? t('leads.search.label')}
      </label>
      <input
        id={id}
        type="search"
        className="field__input"
        placeholder={placeholder ?? t('leads.search.placeholder')}
        value={text}
        maxLength={120}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => latest.current(next), DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') send(text);
          else if (event.key === 'Escape' && text) {
            event.preventDefault();
            setText('');
            send('');
          }
        }}
      />
    </div>
  );
}
