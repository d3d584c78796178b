// A labelled <textarea> with its error tied to it (TextField's counterpart for longer text).
import { useId } from 'react';

interface TextAreaProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | null;
  maxLength?: number;
  rows?: number;
}

export function TextArea({ label, value, onValueChange, error, maxLength, rows = 3 }: TextAreaProps) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="field__input"
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
