// Two radio options (built-in / server, or no Redis / Redis server) as one fieldset.
import { useId } from 'react';

interface ModeChoiceProps<T extends string> {
  legend: string;
  value: T;
  options: readonly { value: T; label: string; hint?: string }[];
  onChange: (value: T) => void;
}

export function ModeChoice<T extends string>({ legend, value, options, onChange }: ModeChoiceProps<T>) {
  const name = useId();
  return (
    <fieldset className="mode-choice">
      <legend className="field__label">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="mode-choice__option">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>
            {option.label}
            {option.hint ? <span className="mode-choice__hint">{option.hint}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
