import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { unitName } from '../geo/useUnit.js';

/** Pick an admin unit of one level by typing its name in either script. */
export function UnitPicker({ level, value, onChange }: { level: number; value: string | null; onChange: (code: string | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const found = useQuery({
    queryKey: ['geo', 'search', level, text],
    queryFn: () => call('GET /api/v1/geo/search', { query: { level, q: text } }),
    enabled: text.trim().length >= 2,
  });
  return (
    <span className="unit-picker">
      <input aria-label={t('web.geo.search')} placeholder={value ?? t('web.geo.searchHint')} value={text} onChange={(e) => setText(e.target.value)} />
      {text.trim().length >= 2 ? (
        <select aria-label={t('web.geo.choose')} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{t('web.geo.choose')}</option>
          {found.data?.items.map((u) => (
            <option key={u.code} value={u.code}>
              {unitName(u)} ({u.code})
            </option>
          ))}
        </select>
      ) : null}
    </span>
  );
}
