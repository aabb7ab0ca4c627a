import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { num } from '../../i18n.js';

/**
 * Before a child is registered: children already on record with a similar name (either script,
 * phonetic) in the same upazila and of about the same age, among the cases the worker may see.
 * A second case for a known child splits their history; the worker decides.
 */
export function PossibleChildren({ name, area, age }: { name: string; area: string | null; age: number | null }) {
  const { t } = useTranslation();
  const q = name.trim();
  const found = useQuery({
    queryKey: ['cases', 'possible', q, area],
    queryFn: () => call('GET /api/v1/cases', { query: { q, place: area ?? '', limit: 10 } }),
    enabled: q.length >= 3 && Boolean(area),
    staleTime: 30_000,
  });
  // Ages are often estimated: within two years counts as "about the same".
  const items = (found.data?.items ?? []).filter((c) => age === null || c.child.ageYears === null || Math.abs(c.child.ageYears - age) <= 2);
  if (items.length === 0) return null;
  return (
    <section className="possible card" aria-live="polite">
      <h2>{t('web.cases.possible.title')}</h2>
      <p className="hint">{t('web.cases.possible.intro')}</p>
      <ul className="plain">
        {items.map((c) => (
          <li key={c.id}>
            <Link to="/cases/$id" params={{ id: c.id }} target="_blank">{c.child.names.join(' / ')}</Link>
            {' · '}{c.child.ageYears !== null ? t('web.cases.possible.age', { age: num(c.child.ageYears) }) : '—'}
            {' · '}{c.place.name}{' · '}<span className="case-number">{c.caseNumber}</span>{' · '}{t(`web.cases.statuses.${c.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
