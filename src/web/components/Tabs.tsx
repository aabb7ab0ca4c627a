import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type TabItem = { id: string; label: string; render: () => ReactNode };

/**
 * Sections of a long page behind tabs (the WAI-ARIA tabs pattern): one panel shown at a time,
 * so a phone shows one screen instead of six; arrow keys, Home and End move between tabs.
 * A panel is built when its tab is first opened (its data is fetched then) and kept, hidden,
 * afterwards: half-typed text in one tab survives a look at another.
 */
export function Tabs({ label, tabs, active, onSelect }: { label: string; tabs: TabItem[]; active: string; onSelect: (id: string) => void }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([active]));
  if (!opened.has(active)) setOpened(new Set([...opened, active]));
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
      {tabs.filter((tab) => opened.has(tab.id)).map((tab) => (
        <div key={tab.id} role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} className="tab-panel" hidden={tab.id !== active}>
          {tab.render()}
        </div>
      ))}
    </div>
  );
}
