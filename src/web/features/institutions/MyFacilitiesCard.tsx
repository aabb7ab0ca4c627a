import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { Occupancy } from './Occupancy.js';

/** The home of an institution's staff: the facilities their organisation runs, and how full they are. */
export function MyFacilitiesCard() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: ['facilities', 'mine'], queryFn: () => call('GET /api/v1/institutions/mine') });
  if (!mine.data?.items.length) return null;
  return (
    <section className="card">
      <h2>{t('web.institutions.mine')}</h2>
      <ul className="plain">
        {mine.data.items.map((f) => <li key={f.id}><Link to="/facilities/$id" params={{ id: f.id }}>{f.name}</Link> · <Occupancy occupancy={f.occupancy} seats={f.seats} /></li>)}
      </ul>
    </section>
  );
}
