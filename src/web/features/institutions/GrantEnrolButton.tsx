import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../shared/institutions.js';
import { call } from '../../api.js';
import { useAction } from '../../useAction.js';

/**
 * An NGO orphanage's resident and its capitation grant: "on the grant", or, for those who enrol
 * children, a button that puts them on it from today (the month's claim then counts them).
 */
export function GrantEnrolButton({ r, facilityId, mayEnrol, today }: { r: Placement; facilityId: string; mayEnrol: boolean; today: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, run } = useAction();
  if (r.grantEnrolled === null) return null;
  if (r.grantEnrolled) return <span className="tag" data-grant="enrolled">{t('web.institutions.onGrant')}</span>;
  if (!mayEnrol) return null;
  const enrol = () => run(async () => {
    await call('POST /api/v1/facilities/:id/enrolments', { params: { id: facilityId }, body: { personId: r.child.id, enrolledOn: today } });
    await qc.invalidateQueries({ queryKey: ['residents', facilityId] });
  });
  return (
    <>
      <button type="button" onClick={() => void enrol()}>{t('web.institutions.enrol')}</button>
      {error ? <p className="field-error" role="alert">{error.message}</p> : null}
    </>
  );
}
