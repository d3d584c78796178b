// The period of the dashboard: 7 / 30 / 90 days, this year, or two picked days; and whether
// to compare with the period of equal length before it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { customPeriod, periodDays, PRESETS, type Period, type Preset } from './range';

interface Props {
  preset: Preset;
  period: Period;
  compare: boolean;
  onPreset: (preset: Exclude<Preset, 'custom'>) => void;
  onCustom: (period: Period) => void;
  onCompare: (compare: boolean) => void;
}

export function RangePicker({ preset, period, compare, onPreset, onCustom, onCompare }: Props) {
  const { t } = useTranslation();
  const [customOpen, setCustomOpen] = useState(preset === 'custom');
  const [days, setDays] = useState(() => periodDays(period));
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const result = customPeriod(days.from, days.to);
    if (typeof result === 'string') {
      setProblem(t(`analytics.range.${result}`));
      return;
    }
    setProblem(null);
    onCustom(result);
  };

  return (
    <div className="range-picker">
      <div className="segmented" role="group" aria-label={t('analytics.range.label')}>
        {PRESETS.map((p) => {
          const on = p === 'custom' ? customOpen || preset === 'custom' : preset === p && !customOpen;
          return (
            <button
              key={p}
              type="button"
              className={`button button--small ${on ? 'segmented__on' : 'button--ghost'}`}
              aria-pressed={on}
              onClick={() => {
                if (p === 'custom') {
                  setDays(periodDays(period));
                  setCustomOpen(true);
                } else {
                  setCustomOpen(false);
                  onPreset(p);
                }
              }}
            >
              {t(`analytics.range.${p}`)}
            </button>
          );
        })}
      </div>
      {customOpen ? (
        <form className="range-picker__custom" onSubmit={apply} noValidate>
          <label className="field range-picker__day">
            <span className="field__label">{t('analytics.range.from')}</span>
            <input className="field__input" type="date" value={days.from} required onChange={(e) => setDays((d) => ({ ...d, from: e.target.value }))} aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'range-problem' : undefined} />
          </label>
          <label className="field range-picker__day">
            <span className="field__label">{t('analytics.range.to')}</span>
            <input className="field__input" type="date" value={days.to} required onChange={(e) => setDays((d) => ({ ...d, to: e.target.value }))} aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'range-problem' : undefined} />
          </label>
          <button type="submit" className="button button--small button--primary">
            {t('analytics.range.apply')}
          </button>
          {problem ? (
            <p className="field__error" id="range-problem" role="alert">
              {problem}
            </p>
          ) : null}
        </form>
      ) : null}
      <label className="check range-picker__compare">
        <input type="checkbox" checked={compare} onChange={(e) => onCompare(e.target.checked)} />
        <span>{t('analytics.range.compare')}</span>
      </label>
    </div>
  );
}
