// Entry point of the renderer bundle (loaded as a module file: the CSP allows no inline script).
import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { useUiPrefs } from './stores/ui-prefs';
import './styles.css';

initI18n(useUiPrefs.getState().language);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
