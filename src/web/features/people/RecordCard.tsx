import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LinkedRecord } from '../../../shared/people.js';
import { date, num } from '../../i18n.js';

/** One source record as the reader may see it: names, sex, birth, place, parents, where it came from. */
export function RecordCard({ record, link = true }: { record: LinkedRecord; link?: boolean }) {
  const { t } = useTranslation();
  const birth = record.dateOfBirth
    ? record.dobEstimated ? t('web.people.ageAbout', { age: num(record.ageYears ?? 0) }) : date(record.dateOfBirth)
    : '—';
  return (
    <dl className="record">
      <dt>{t('web.people.fields.names')}</dt><dd lang="">{record.names.join(' / ')}</dd>
      <dt>{t('web.people.fields.sex')}</dt><dd>{t(`web.cases.sexes.${record.sex}`)}</dd>
      <dt>{t('web.people.fields.birth')}</dt><dd>{birth}</dd>
      <dt>{t('web.people.fields.place')}</dt><dd>{record.place?.name ?? '—'}</dd>
      <dt>{t('web.people.fields.father')}</dt><dd>{record.father ?? '—'}</dd>
      <dt>{t('web.people.fields.mother')}</dt><dd>{record.mother ?? '—'}</dd>
      <dt>{t('web.people.fields.source')}</dt>
      <dd>{t(`web.people.sources.${record.source}`, { defaultValue: record.source })}{record.sourceId ? ` · ${record.sourceId}` : ''}{link ? <> · <Link to="/people/$id" params={{ id: record.id }}>{t('web.people.open')}</Link></> : null}</dd>
    </dl>
  );
}
