import { type ChangeEvent, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, field, urlOf } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { date, num } from '../../i18n.js';


/** Notes and files on a case. Downloads go through the API, which checks access and audits each one. */
export function NotesPanel({ caseId, canWork }: { caseId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['notes', caseId], queryFn: () => call('GET /api/v1/cases/:id/notes', { params: { id: caseId } }) });
  const { error, run } = useAction();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['notes', caseId] }), qc.invalidateQueries({ queryKey: ['case', caseId] })]);
  const addNote = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    await run(async () => {
      await call('POST /api/v1/cases/:id/notes', { params: { id: caseId }, body: { body: field(new FormData(form), 'body') } });
      form.reset();
      await refresh();
    });
  };
  const attach = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    await run(async () => {
      await call('POST /api/v1/cases/:id/attachments', { params: { id: caseId }, query: { filename: file.name }, file });
      await refresh();
    });
    e.target.value = '';
  };
  return (
    <section className="card">
      <h2>{t('web.notes.title')}</h2>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      {canWork ? (
        <>
          <form onSubmit={addNote} noValidate>
            <textarea name="body" rows={2} aria-label={t('web.notes.add')} placeholder={t('web.notes.placeholder')} maxLength={8000} />
            <button type="submit">{t('web.notes.add')}</button>
          </form>
          <label className="field">
            <span>{t('web.notes.attach')}</span>
            <input type="file" accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,.txt" onChange={attach} />
          </label>
        </>
      ) : null}
      <ul className="plain">
        {q.data?.attachments.map((a) => (
          <li key={a.id}>
            <a href={urlOf('GET /api/v1/cases/:id/attachments/:attachmentId', { params: { id: caseId, attachmentId: a.id } })}>{a.fileName}</a> <small>{num(Math.ceil(a.sizeBytes / 1024))} KB · {a.uploadedBy} · {date(a.uploadedAt)}</small>
          </li>
        ))}
        {q.data?.notes.map((n) => (
          <li key={n.id}>
            <small>{date(n.createdAt, true)} · {n.author}</small>
            <p className="note">{n.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
