import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../shared/institutions.js';
import { call, field } from '../../api.js';
import { useFormSubmit } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';

/** Moves a resident on to a later care phase of the facility's type (the phases after the current one). */
export function PhaseForm({ r, phases, facilityId, today }: { r: Placement; phases: ReadonlyArray<{ key: string; name: string }>; facilityId: string; today: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, submit } = useFormSubmit(async (form) => {
    await call('POST /api/v1/placements/:id/phase', { params: { id: r.id }, body: { phase: field(form, 'phase'), startedOn: field(form, 'startedOn') } });
    await qc.invalidateQueries({ queryKey: ['residents', facilityId] });
  });
  const current = r.phases.at(-1)?.key;
  const later = phases.slice(phases.findIndex((p) => p.key === current) + 1);
  if (!later.length) return null;
  return (
    <form onSubmit={submit} noValidate className="card" aria-label={t('web.institutions.nextPhase')}>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      <div className="field">
        <label htmlFor={`ph-${r.id}`}>{t('web.institutions.nextPhase')}</label>
        <select id={`ph-${r.id}`} name="phase" defaultValue={later[0]!.key}>
          {later.map((p) => <option key={p.key} value={p.key}>{p.name}</option>)}
        </select>
      </div>
      <div className="field"><label htmlFor={`ph-on-${r.id}`}>{t('web.institutions.phaseStarted')}</label><input id={`ph-on-${r.id}`} name="startedOn" type="date" defaultValue={today} required /></div>
      <button type="submit" className="primary">{t('web.institutions.phaseSubmit')}</button>
    </form>
  );
}
