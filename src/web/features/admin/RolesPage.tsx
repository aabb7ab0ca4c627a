import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { hasPermission, useSession } from '../../session.js';

/** Roles are data: an administrator edits a role's permissions here (one per line). */
export function RolesPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const roles = useQuery({ queryKey: ['admin', 'roles'], queryFn: () => call('GET /api/v1/admin/roles') });
  const [editing, setEditing] = useState<string | null>(null);
  const [text, setText] = useState('');
  const { error, run } = useAction();
  const canEdit = hasPermission(session.data, 'admin.roles.manage');
  const save = async (key: string) => {
    await run(async () => {
      await call('PUT /api/v1/admin/roles/:key', { params: { key }, body: { permissions: text.split(/\s+/).filter(Boolean) } });
      setEditing(null);
      await qc.invalidateQueries({ queryKey: ['admin', 'roles'] });
    });
  };
  return (
    <div className="page">
      <h1>{t('web.nav.roles')}</h1>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      {/* Wide tables scroll sideways on a phone: focusable, so a keyboard can scroll them too. */}
      <table className="table" tabIndex={0}>
        <thead>
          <tr>
            <th>{t('web.admin.role')}</th>
            <th>{t('web.admin.permissions')}</th>
            <th><span className="sr-only">{t('web.common.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {roles.data?.items.map((r) => (
            <tr key={r.key}>
              <td>
                {i18n.language === 'bn' ? r.nameLocal : r.nameEn}
                <br />
                <small>{r.key}{r.requiresMfa ? ` · ${t('web.admin.requiresMfa')}` : ''}</small>
              </td>
              <td>
                {editing === r.key ? (
                  <textarea aria-label={t('web.admin.permissions')} rows={6} value={text} onChange={(e) => setText(e.target.value)} />
                ) : (
                  <code>{r.permissions.join(' ') || '—'}</code>
                )}
              </td>
              <td>
                {canEdit && editing !== r.key ? (
                  <button type="button" onClick={() => { setEditing(r.key); setText(r.permissions.join('\n')); }}>
                    {t('web.common.edit')}
                  </button>
                ) : null}
                {editing === r.key ? (
                  <button type="button" className="primary" onClick={() => save(r.key)}>
                    {t('web.common.save')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
