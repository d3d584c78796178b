// Per-PC UI preferences. Only the language for now, remembered in localStorage ('kroi.lang').
import { create } from 'zustand';
import { i18n } from '../i18n';
import { browserStorage, readStoredLanguage, storeLanguage, type Language } from '../i18n/language';

interface UiPrefsState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const useUiPrefs = create<UiPrefsState>()((set) => ({
  language: readStoredLanguage(browserStorage()),
  setLanguage: (language) => {
    storeLanguage(browserStorage(), language);
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    set({ language });
  },
}));
