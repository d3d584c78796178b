// Suomi / English as a radio group. Each name is in its own language (and marked so).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/language';
import { useUiPrefs } from '../stores/ui-prefs';

export function LanguageSwitch({ compact = false, onChanged }: { compact?: boolean; onChanged?: (language: Language) => void }) {
  const { t } = useTranslation();
  const name = useId();
  const language = useUiPrefs((state) => state.language);
  const setLanguage = useUiPrefs((state) => state.setLanguage);
  return (
    <fieldset className={compact ? 'language-switch language-switch--compact' : 'language-switch'}>
      <legend className={compact ? 'visually-hidden' : 'language-switch__legend'}>{t('settings.languageLegend')}</legend>
      {LANGUAGES.map((code) => (
        <label key={code} className="language-switch__option" lang={code}>
          <input
            type="radio"
            name={name}
            value={code}
            checked={language === code}
            onChange={() => {
              setLanguage(code);
              onChanged?.(code);
            }}
          />
          <span>{LANGUAGE_NAMES[code]}</span>
        </label>
      ))}
    </fieldset>
  );
}
