import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_PERMISSIONS } from '../../../shared/permissions/institutions.js';
import { call } from '../../api.js';
import { date } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';

/** Where the child of a case has lived in care, newest first; admitting from here for those who place children. */
export function PlacementsPanel({ caseId, open }: { caseId: string; open: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const list = useQuery({ queryKey: ['case-placements', caseId], queryFn: () => call('GET /api/v1/cases/:id/placements', { params: { id: caseId } }) });
  const current = list.data?.items.find((p) => !p.endedOn);
  return (
    <section className="card">
      <h2>{t('web.institutions.placements')}</h2>
      {list.data?.items.length === 0 ? <p className="hint">{t('web.institutions.noPlacements')}</p> : null}
      <ul className="plain">
        {list.data?.items.map((p) => (
          <li key={p.id}>
            <Link to="/facilities/$id" params={{ id: p.facility.id }}>{p.facility.name}</Link> · {date(p.admittedOn)} – {p.endedOn ? `${date(p.endedOn)} · ${t(`web.institutions.endReasons.${p.endReason}`)}` : t('web.institutions.current')}
            {p.phases.length ? <> · {t('web.institutions.phaseSince', { phase: p.phases.at(-1)!.name, date: date(p.phases.at(-1)!.startedOn) })}</> : null}
            {p.followUps.length ? (
              <ul className="plain" aria-label={t('web.institutions.followUps')}>
                {p.followUps.map((f) => (
                  <li key={f.id}>
                    {f.visitedOn ? `${t('web.institutions.visited', { date: date(f.visitedOn) })} · ${t(`web.institutions.outcomes.${f.outcome}`)}` : t('web.institutions.followUpDue', { date: date(f.dueOn) })}
                    {f.overdue ? <> <span className="badge-overdue">{t('web.institutions.overdue')}</span></> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {open && !current && hasPermission(session.data, INSTITUTION_PERMISSIONS.place) ? <Link className="button" to="/facilities/admit" search={{ case: caseId }}>{t('web.institutions.admit')}</Link> : null}
    </section>
  );
}
