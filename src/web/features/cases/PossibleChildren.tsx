import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Sex } from '../../../shared/cases.js';
import { call } from '../../api.js';
import { num } from '../../i18n.js';

/**
 * Before a child is registered: persons already on record who may be this child, best first,
 * found by record linkage across sources (a case, a helpline contact, an NGO list, a Shishu
 * Paribar register) in either script, among the records the worker may see. Choosing one
 * joins the new case to that person instead of making a stranger of the child.
 */
export function PossibleChildren({ name, area, age, sex, chosen, onChoose }: {
  name: string; area: string | null; age: number | null; sex: Sex; chosen: string | null; onChoose(recordId: string | null): void;
}) {
  const { t } = useTranslation();
  const q = name.trim();
  const found = useQuery({
    queryKey: ['people', 'matches', q, area, age, sex],
    queryFn: () => call('GET /api/v1/people/matches', { query: { name: q, sex, ...(area ? { geoCode: area } : {}), ...(age !== null ? { ageYears: age } : {}) } }),
    enabled: q.length >= 3 && Boolean(area),
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="possible card" aria-live="polite">
      <h2>{t('web.cases.possible.title')}</h2>
      <p className="hint">{t('web.cases.possible.intro')}</p>
      <ul className="plain">
        {items.map((m) => {
          const isChosen = chosen === m.record.id;
          return (
            <li key={m.personId} className={isChosen ? 'chosen' : undefined}>
              <strong>{m.record.names.join(' / ')}</strong>
              {' · '}{m.record.ageYears !== null ? t('web.cases.possible.age', { age: num(m.record.ageYears) }) : '—'}
              {m.record.place ? ` · ${m.record.place.name}` : ''}
              {' · '}<span className="tag small">{t(`web.people.bands.${m.band}`)}</span>
              {' · '}{t('web.people.recordsOf', { n: num(m.records) })}
              {m.cases.map((c) => (
                <span key={c.id}>{' · '}<Link to="/cases/$id" params={{ id: c.id }} target="_blank" className="case-number">{c.caseNumber}</Link></span>
              ))}
              {' · '}<Link to="/people/$id" params={{ id: m.record.id }} target="_blank">{t('web.people.open')}</Link>
              <div>
                <button type="button" aria-pressed={isChosen} onClick={() => onChoose(isChosen ? null : m.record.id)}>
                  {isChosen ? t('web.people.chosen') : t('web.people.thisIsTheChild')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
