import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeForm } from '../../../shared/helpline.js';
import { currentLang, num } from '../../i18n.js';

type Sub = IntakeForm['categories'][number]['subcategories'][number];
const fold = (s: string) => s.toLowerCase().normalize('NFC');

/**
 * Contact categories (category > subcategory) as a checklist: the Bangladesh priorities first,
 * then each category; a word in either script narrows the list as it is typed.
 */
export const CategoryPicker = forwardRef<HTMLInputElement, { form: IntakeForm; value: string[]; onChange: (v: string[]) => void; error?: string | undefined }>(
  function CategoryPicker({ form, value, onChange, error }, filterRef) {
    const { t } = useTranslation();
    const lang = currentLang();
    const [filter, setFilter] = useState('');
    const label = (l: Record<string, string>) => l[lang] ?? l.en ?? '';
    const wanted = fold(filter.trim());
    const parentOf = new Map(form.categories.flatMap((c) => c.subcategories.map((s) => [s.code, c] as const)));
    const matches = (s: Sub) => !wanted || [...Object.values(s.label), ...Object.values(parentOf.get(s.code)?.label ?? {})].some((x) => fold(x).includes(wanted));
    const groups = [
      { key: 'priority', title: t('web.helpline.priority'), items: form.categories.flatMap((c) => c.subcategories.filter((s) => s.priority)) },
      ...form.categories.map((c) => ({ key: c.code, title: label(c.label), items: c.subcategories.filter((s) => !s.priority) })),
    ].map((g) => ({ ...g, items: g.items.filter(matches) })).filter((g) => g.items.length);
    const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((v) => v !== code));
    return (
      <fieldset className="concern-picker" aria-describedby={error ? 'categories-error' : undefined}>
        <legend>{t('web.helpline.categories')} <kbd>Alt+C</kbd></legend>
        {value.length ? (
          <ul className="chips">
            {value.map((code) => {
              const s = parentOf.get(code)?.subcategories.find((x) => x.code === code);
              return <li key={code}>{s ? label(s.label) : code} <button type="button" className="chip-remove" aria-label={t('web.cases.removeConcern', { name: s ? label(s.label) : code })} onClick={() => toggle(code, false)}>×</button></li>;
            })}
          </ul>
        ) : null}
        <input ref={filterRef} id="f-category-filter" type="search" aria-label={t('web.helpline.findCategory')} placeholder={t('web.helpline.findCategory')} value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
        {groups.map((g) => {
          const picked = g.items.filter((s) => value.includes(s.code)).length;
          return (
            <details key={g.key} className="concern-group" open={g.key === 'priority' || Boolean(wanted) || picked > 0 || undefined}>
              <summary>{g.title}{picked ? <span className="badge">{num(picked)}</span> : null}</summary>
              {g.items.map((s) => (
                <label key={s.code} className="check">
                  <input type="checkbox" name="categories" value={s.code} checked={value.includes(s.code)} onChange={(e) => toggle(s.code, e.target.checked)} />
                  {label(s.label)}{g.key === 'priority' ? <small className="muted"> · {label(parentOf.get(s.code)?.label ?? {})}</small> : null}
                </label>
              ))}
            </details>
          );
        })}
        {error ? <p id="categories-error" className="field-error" role="alert">{error}</p> : null}
      </fieldset>
    );
  },
);
