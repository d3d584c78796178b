// Details / History as ARIA tabs: arrow keys move between them, the panel follows.
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type EditorTab = 'details' | 'history';
const TABS: readonly EditorTab[] = ['details', 'history'];

export const tabId = (base: string, tab: EditorTab) => `${base}-tab-${tab}`;
export const panelId = (base: string, tab: EditorTab) => `${base}-panel-${tab}`;

export function EditorTabs({ base, tab, onTab }: { base: string; tab: EditorTab; onTab: (tab: EditorTab) => void }) {
  const { t } = useTranslation();
  const refs = useRef<Partial<Record<EditorTab, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.indexOf(tab);
    let next: EditorTab | undefined;
    if (event.key === 'ArrowRight') next = TABS[(index + 1) % TABS.length];
    else if (event.key === 'ArrowLeft') next = TABS[(index - 1 + TABS.length) % TABS.length];
    else if (event.key === 'Home') next = TABS[0];
    else if (event.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    event.preventDefault();
    onTab(next);
    refs.current[next]?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={t('inventory.editor.tabs')} onKeyDown={onKeyDown}>
      {TABS.map((name) => (
        <button
          key={name}
          ref={(element) => {
            refs.current[name] = element;
          }}
          type="button"
          role="tab"
          id={tabId(base, name)}
          aria-selected={tab === name}
          aria-controls={panelId(base, name)}
          tabIndex={tab === name ? 0 : -1}
          className={`tabs__tab${tab === name ? ' tabs__tab--active' : ''}`}
          onClick={() => onTab(name)}
        >
          {t(`inventory.editor.tab.${name}`)}
        </button>
      ))}
    </div>
  );
}
