// A from–to number range. What is typed is applied after a short pause; a bound that is
// not a number is marked and left out rather than guessed.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumber } from '../format';

const APPLY_DELAY_MS = 450;

interface RangeFilterProps {
  legend: string;
  min: number | null;
  max: number | null;
  /** The current data's extent, shown as placeholders. */
  placeholderMin: string;
  placeholderMax: string;
  onChange: (min: number | null, max: number | null) => void;
}

const show = (n: number | null) => (n === null ? '' : String(n));

export function RangeFilter({ legend, min, max, placeholderMin, placeholderMax, onChange }: RangeFilterProps) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState(show(min));
  const [to, setTo] = useState(show(max));
  const [applied, setApplied] = useState({ min, max });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // "Clear filters" from outside empties the boxes too.
  if (applied.min !== min || applied.max !== max) {
    setApplied({ min, max });
    if (parseNumber(from) !== min) setFrom(show(min));
    if (parseNumber(to) !== max) setTo(show(max));
  }

  const fromValue = parseNumber(from);
  const toValue = parseNumber(to);
  const fromBad = Number.isNaN(fromValue) || (fromValue !== null && fromValue < 0);
  const toBad = Number.isNaN(toValue) || (toValue !== null && toValue < 0);

  function schedule(nextFrom: string, nextTo: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const a = parseNumber(nextFrom);
      const b = parseNumber(nextTo);
      const good = (n: number | null) => (n === null || Number.isNaN(n) || n < 0 ? null : n);
      latest.current(good(a), good(b));
    }, APPLY_DELAY_MS);
  }

  return (
    <fieldset className="range">
      <legend className="facet__legend">{legend}</legend>
      <div className="range__inputs">
        <label className="visually-hidden" htmlFor={`${id}-min`}>
          {t('inventory.filters.rangeFrom', { what: legend })}
        </label>
        <input
          id={`${id}-min`}
          className="field__input range__input"
          inputMode="numeric"
          value={from}
          placeholder={placeholderMin}
          aria-invalid={fromBad || undefined}
          onChange={(event) => {
            setFrom(event.target.value);
            schedule(event.target.value, to);
          }}
        />
        <span aria-hidden="true">–</span>
        <label className="visually-hidden" htmlFor={`${id}-max`}>
          {t('inventory.filters.rangeTo', { what: legend })}
        </label>
        <input
          id={`${id}-max`}
          className="field__input range__input"
          inputMode="numeric"
          value={to}
          placeholder={placeholderMax}
          aria-invalid={toBad || undefined}
          onChange={(event) => {
            setTo(event.target.value);
            schedule(from, event.target.value);
          }}
        />
      </div>
    </fieldset>
  );
}
