// The top bar: brand and the command palette button (the mouse way to Ctrl+K).
import { useTranslation } from 'react-i18next';
import { paletteShortcutLabel } from '../lib/shortcuts';
import { isMac } from './platform';

export function AppHeader({ onOpenPalette }: { onOpenPalette: () => void }) {
  const { t } = useTranslation();
  const keys = paletteShortcutLabel(isMac());
  return (
    <header className="app-header">
      <p className="brand">
        <span className="brand__mark" aria-hidden="true">K</span>
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__product">{t('app.product')}</span>
      </p>
      <button
        type="button"
        className="button button--ghost palette-button"
        onClick={onOpenPalette}
        aria-haspopup="dialog"
        aria-keyshortcuts={isMac() ? 'Meta+K' : 'Control+K'}
      >
        <span>{t('header.openPalette')}</span>
        <kbd aria-hidden="true">{keys}</kbd>
      </button>
    </header>
  );
}
