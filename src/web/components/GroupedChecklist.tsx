import { forwardRef, useState, type ReactNode } from 'react';
import { num } from '../i18n.js';

export type ChecklistItem = { code: string; label: string; note?: string | undefined; search: string[] };
export type ChecklistGroup = { key: string; title: string; items: ChecklistItem[]; open?: boolean };

type Props = {
  legend: ReactNode;
  /** The checkboxes' name, and the ids of the filter and the error message. */
  name: string;
  filterId: string;
  filterLabel: string;
  chosenLabel?: string;
  removeLabel: (item: string) => string;
  groups: ChecklistGroup[];
  value: string[];
  onChange: (v: string[]) => void;
  /** At most this many chosen; the rest are disabled and `limitHint` says why. */
  max?: number;
  limitHint?: string;
  noMatchHint?: string;
  error?: string | undefined;
};

const fold = (s: string) => s.toLowerCase().normalize('NFC');

/**
 * A long list of codes as a checklist grouped under headings, searchable by any of each item's
 * words in either script: tapping boxes on a phone instead of Ctrl-clicking a 50-line list. The
 * chosen items stay listed on top, each removable; a group opens while searching, when it
 * holds a chosen item, or when it is marked open.
 */
export const GroupedChecklist = forwardRef<HTMLInputElement, Props>(function GroupedChecklist(p, filterRef) {
  const [filter, setFilter] = useState('');
  const wanted = fold(filter.trim());
  const byCode = new Map(p.groups.flatMap((g) => g.items.map((i) => [i.code, i] as const)));
  const shown = p.groups.map((g) => ({ ...g, items: g.items.filter((i) => !wanted || i.search.some((s) => fold(s).includes(wanted))) })).filter((g) => g.items.length);
  const toggle = (code: string, on: boolean) => p.onChange(on ? [...p.value, code] : p.value.filter((v) => v !== code));
  const full = p.max !== undefined && p.value.length >= p.max;
  const errorId = `${p.name}-error`;
  return (
    <fieldset className="concern-picker" aria-describedby={p.error ? errorId : undefined}>
      <legend>{p.legend}</legend>
      {p.value.length ? (
        <ul className="chips" aria-label={p.chosenLabel}>
          {p.value.map((code) => {
            const label = byCode.get(code)?.label ?? code;
            return <li key={code}>{label} <button type="button" className="chip-remove" aria-label={p.removeLabel(label)} onClick={() => toggle(code, false)}>×</button></li>;
          })}
        </ul>
      ) : null}
      <input ref={filterRef} id={p.filterId} type="search" aria-label={p.filterLabel} placeholder={p.filterLabel} value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      {full && p.limitHint ? <p className="hint" role="status">{p.limitHint}</p> : null}
      {shown.length === 0 && p.noMatchHint ? <p className="hint" role="status">{p.noMatchHint}</p> : null}
      {shown.map((g) => {
        const picked = g.items.filter((i) => p.value.includes(i.code)).length;
        return (
          <details key={g.key} className="concern-group" open={g.open || Boolean(wanted) || picked > 0 || undefined}>
            <summary>{g.title}{picked ? <span className="badge">{num(picked)}</span> : null}</summary>
            {g.items.map((i) => (
              <label key={i.code} className="check">
                <input type="checkbox" name={p.name} value={i.code} checked={p.value.includes(i.code)} disabled={full && !p.value.includes(i.code)} onChange={(e) => toggle(i.code, e.target.checked)} />
                {i.label}{i.note ? <small className="muted"> · {i.note}</small> : null}
              </label>
            ))}
          </details>
        );
      })}
      {p.error ? <p id={errorId} className="field-error" role="alert">{p.error}</p> : null}
    </fieldset>
  );
});
