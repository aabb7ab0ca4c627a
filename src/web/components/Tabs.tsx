import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export type TabItem = { id: string; label: string };

/**
 * Sections of a long page behind tabs (the WAI-ARIA tabs pattern): one panel shown at a time,
 * so a phone shows one screen instead of six; arrow keys, Home and End move between tabs.
 * Only the active panel is rendered, so a tab's data is fetched when it is opened.
 */
export function Tabs({ label, tabs, active, onSelect, children }: { label: string; tabs: TabItem[]; active: string; onSelect: (id: string) => void; children: ReactNode }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((tab) => tab.id === active);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    onSelect(next.id);
    refs.current[next.id]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={move}>
        {tabs.map((tab) => (
          <button key={tab.id} ref={(el) => { refs.current[tab.id] = el; }} type="button" role="tab" id={`tab-${tab.id}`} aria-controls={`panel-${tab.id}`}
            aria-selected={tab.id === active} tabIndex={tab.id === active ? 0 : -1} onClick={() => onSelect(tab.id)}>
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`} className="tab-panel">
        {children}
      </div>
    </div>
  );
}
