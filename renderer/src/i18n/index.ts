// i18next set up once, synchronously, before the first render (resources are bundled).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Messages } from './en';
import { fi } from './fi';
import type { Language } from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const i18n = i18next;

export function initI18n(language: Language): void {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { fi: { translation: fi }, en: { translation: en } },
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['fi', 'en'],
      // React already escapes what it renders.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    i18n.on('languageChanged', (lng) => {
      document.documentElement.lang = lng;
    });
  }
  document.documentElement.lang = language;
}
