import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/admin.js';
import { currentLang } from '../../i18n.js';
import { UnitPicker } from './UnitPicker.js';

export type Binding = { role: string; scopeLevel: number; scopeCode: string | null };

/** Roles with their geographic scope: the nation, or one division, district or upazila. */
export function ScopeEditor({ roles, value, onChange, errors }: { roles: Role[]; value: Binding[]; onChange: (b: Binding[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Binding>) => onChange(value.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <fieldset className="scope-editor">
      <legend>{t('web.admin.roles')}</legend>
      {value.map((b, i) => (
        <div key={i} className="scope-row">
          <select aria-label={t('web.admin.role')} value={b.role} onChange={(e) => set(i, { role: e.target.value })}>
            {roles.map((r) => (
              <option key={r.key} value={r.key}>
                {currentLang() === 'bn' ? r.nameLocal : r.nameEn}
              </option>
            ))}
          </select>
          <select aria-label={t('web.admin.scopeLevel')} value={b.scopeLevel} onChange={(e) => set(i, { scopeLevel: Number(e.target.value), scopeCode: null })}>
            {[0, 1, 2, 3].map((l) => (
              <option key={l} value={l}>
                {t(`web.scope.${l}`)}
              </option>
            ))}
          </select>
          {b.scopeLevel > 0 ? <UnitPicker level={b.scopeLevel} value={b.scopeCode} onChange={(code) => set(i, { scopeCode: code })} /> : null}
          <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('web.common.remove')}
          </button>
          {errors[`roles.${i}.role`] || errors[`roles.${i}.scopeCode`] ? <p className="field-error">{errors[`roles.${i}.role`] ?? errors[`roles.${i}.scopeCode`]}</p> : null}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...value, { role: roles[0]?.key ?? '', scopeLevel: 3, scopeCode: null }])}>
        {t('web.admin.addRole')}
      </button>
    </fieldset>
  );
}
