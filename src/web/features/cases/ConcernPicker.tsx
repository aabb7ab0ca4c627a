import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { num } from '../../i18n.js';
import { currentLang } from '../../i18n.js';
import type { Taxonomies } from './useTaxonomies.js';

type Concern = Taxonomies['concerns'][number];
const MAX = 10;
const fold = (s: string) => s.toLowerCase().normalize('NFC');

/**
 * The protection concerns as a checklist grouped by category, searchable by any label or alias
 * in either script: tapping boxes on a phone instead of Ctrl-clicking a 50-line list. The
 * chosen concerns stay listed on top, each removable.
 */
export function ConcernPicker({ concerns, value, onChange, error }: { concerns: Concern[]; value: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [filter, setFilter] = useState('');
  const label = (c: Concern) => c.label[lang] ?? c.label.en ?? c.code;
  const wanted = fold(filter.trim());
  const matches = (c: Concern) => !wanted || [...Object.values(c.label), ...Object.values(c.category_label), ...c.aliases].some((s) => fold(s).includes(wanted));
  const groups = new Map<string, { title: string; items: Concern[] }>();
  for (const c of concerns) {
    if (!matches(c)) continue;
    const g = groups.get(c.category) ?? { title: c.category_label[lang] ?? c.category_label.en ?? c.category, items: [] };
    g.items.push(c);
    groups.set(c.category, g);
  }
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((v) => v !== code));
  const full = value.length >= MAX;
  return (
    <fieldset className="concern-picker" aria-describedby={error ? 'concerns-error' : undefined}>
      <legend>{t('web.cases.concerns')}</legend>
      {value.length ? (
        <ul className="chips" aria-label={t('web.cases.chosenConcerns')}>
          {value.map((code) => {
            const c = concerns.find((x) => x.code === code);
            return (
              <li key={code}>
                {c ? label(c) : code}{' '}
                <button type="button" className="chip-remove" aria-label={t('web.cases.removeConcern', { name: c ? label(c) : code })} onClick={() => toggle(code, false)}>×</button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <input id="f-concern-filter" type="search" aria-label={t('web.cases.findConcern')} placeholder={t('web.cases.findConcern')} value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      {full ? <p className="hint" role="status">{t('web.cases.concernLimit', { n: num(MAX) })}</p> : null}
      {groups.size === 0 ? <p className="hint" role="status">{t('web.cases.noConcernMatch')}</p> : null}
      {[...groups.entries()].map(([key, g]) => {
        const picked = g.items.filter((c) => value.includes(c.code)).length;
        return (
          // Open while searching, or when something in it is chosen; closed otherwise to keep the list short.
          <details key={key} open={Boolean(wanted) || picked > 0 || undefined} className="concern-group">
            <summary>{g.title}{picked ? <span className="badge">{num(picked)}</span> : null}</summary>
            {g.items.map((c) => (
              <label key={c.code} className="check">
                <input type="checkbox" name="concerns" value={c.code} checked={value.includes(c.code)} disabled={full && !value.includes(c.code)} onChange={(e) => toggle(c.code, e.target.checked)} />
                {label(c)}
              </label>
            ))}
          </details>
        );
      })}
      {error ? <p id="concerns-error" className="field-error" role="alert">{error}</p> : null}
    </fieldset>
  );
}
