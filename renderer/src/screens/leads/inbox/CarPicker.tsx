// The car filter: find a car by name (cars.list) and pick it; the chosen one shows with a
// button that clears it.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import type { CarRowDto } from '../../../api/contract';

const DEBOUNCE_MS = 250;
const MAX_RESULTS = 8;

interface CarPickerProps {
  value: { id: string; name: string } | null;
  onChange: (car: { id: string; name: string } | null) => void;
}

export function CarPicker({ value, onChange }: CarPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<CarRowDto[]>([]);
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      call('cars.list', { q, limit: MAX_RESULTS })
        .then((page) => {
          if (!current) return;
          setResults(page.items);
          setSearched(true);
        })
        .catch(() => {
          if (current) setResults([]);
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  if (value) {
    return (
      <div className="field">
        <span className="field__label">{t('leads.filters.car')}</span>
        <p className="leads-chip">
          <span>{value.name}</span>
          <button type="button" className="leads-chip__clear" onClick={() => onChange(null)} aria-label={t('leads.filters.clearCar', { name: value.name })}>
            <span aria-hidden="true">×</span>
          </button>
        </p>
      </div>
    );
  }

  const showResults = text.trim().length >= 2;
  return (
    <div className="field leads-car-picker">
      <label className="field__label" htmlFor={id}>
        {t('leads.filters.car')}
      </label>
      <input
        id={id}
        type="search"
        className="field__input"
        placeholder={t('leads.filters.carPlaceholder')}
        value={text}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim().length < 2) {
            setResults([]);
            setSearched(false);
          }
        }}
      />
      {showResults && results.length ? (
        <ul className="leads-car-picker__results" aria-label={t('leads.filters.carResults')}>
          {results.map((car) => (
            <li key={car.id}>
              <button
                type="button"
                className="leads-car-picker__result"
                onClick={() => {
                  onChange({ id: car.id, name: car.name });
                  setText('');
                  setResults([]);
                }}
              >
                {car.name} <span className="leads-muted">{car.year}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : showResults && searched ? (
        <p className="field__hint" role="status">
          {t('leads.filters.carNone')}
        </p>
      ) : null}
    </div>
  );
}
