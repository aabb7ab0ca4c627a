import { type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FamilyMemberInput } from '../../../shared/cases.js';
import { FAMILY_RELATIONSHIPS } from '../../../shared/values.js';
import { call, field, optionalField, choiceField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';


/** The child's family and caregivers with their contacts. */
export function FamilyPanel({ caseId, canWork }: { caseId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['family', caseId], queryFn: () => call('GET /api/v1/cases/:id/family', { params: { id: caseId } }) });
  const { error, run } = useAction();
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    await run(async () => {
      await call('POST /api/v1/cases/:id/family', {
        params: { id: caseId },
        body: {
          name: field(f, 'name'), relationship: choiceField<FamilyMemberInput['relationship']>(f, 'relationship'), phone: optionalField(f, 'phone'),
          isCaregiver: f.get('isCaregiver') === 'on', livesWithChild: f.get('livesWithChild') === 'on',
        },
      });
      form.reset();
      await qc.invalidateQueries({ queryKey: ['family', caseId] });
    });
  };
  return (
    <section className="card">
      <h2>{t('web.family.title')}</h2>
      <ul className="plain">
        {list.data?.items.map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong> · {t(`web.family.relationships.${m.relationship}`)}
            {m.phone ? <> · <a href={`tel:${m.phone.replace(/\s/g, '')}`}>{m.phone}</a></> : null}
            {m.isCaregiver ? ` · ${t('web.family.caregiver')}` : ''}{m.livesWithChild ? ` · ${t('web.family.livesWith')}` : ''}
          </li>
        ))}
      </ul>
      {canWork ? (
        <form onSubmit={add} className="inline-form" noValidate>
          <ErrorBanner message={error?.message} />
          <Field label={t('web.family.name')} name="name" error={error?.fields.name} />
          <select name="relationship" aria-label={t('web.family.relationship')}>{FAMILY_RELATIONSHIPS.map((r) => <option key={r} value={r}>{t(`web.family.relationships.${r}`)}</option>)}</select>
          <Field label={t('web.family.phone')} name="phone" type="tel" inputMode="tel" error={error?.fields.phone} />
          <label className="check"><input type="checkbox" name="isCaregiver" /> {t('web.family.caregiver')}</label>
          <label className="check"><input type="checkbox" name="livesWithChild" /> {t('web.family.livesWith')}</label>
          <button type="submit">{t('web.family.add')}</button>
        </form>
      ) : null}
    </section>
  );
}
