import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GeoSearchHit } from '../../../shared/geo.js';
import { call } from '../../api.js';
import { useSession } from '../../session.js';
import { unitName, useUnitPath } from '../geo/useUnit.js';

/** The most specific area the user works in (their own district or upazila), searched first. */
function useOwnArea(): string | undefined {
  const me = useSession().data?.me;
  const scoped = me?.roles.filter((r) => r.scopeCode).sort((a, b) => b.scopeLevel - a.scopeLevel)[0];
  return scoped?.scopeCode ?? undefined;
}

/** "Belgacha · Kurigram Sadar · Kurigram": the place and what it lies in, in the reader's language (division left out). */
export function placeLine(u: Pick<GeoSearchHit, 'name' | 'within'>): string {
  return [unitName(u), ...u.within.filter((w) => w.level > 1).map((w) => unitName(w))].join(' · ');
}

/**
 * Pick an administrative unit by typing its name in either script. Places in the user's own
 * area come first; each is shown with its upazila and district, never by code. `level` picks
 * one level; `minLevel` accepts that level and everything below it (an upazila or a union).
 */
export function UnitPicker({ level, minLevel, value, onChange, label }: {
  level?: number; minLevel?: number; value: string | null; onChange: (code: string | null, unit?: GeoSearchHit) => void; label?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<GeoSearchHit | null>(null);
  const near = useOwnArea();
  const name = useId();
  const typed = text.trim().length >= 2;
  const found = useQuery({
    queryKey: ['geo', 'search', level, minLevel, near, text],
    queryFn: () => call('GET /api/v1/geo/search', { query: { q: text, ...(level ? { level } : {}), ...(minLevel ? { minLevel } : {}), ...(near ? { near } : {}), limit: 12 } }),
    enabled: typed,
    staleTime: 60_000,
  });
  const pick = (u: GeoSearchHit) => {
    setChosen(u);
    setText('');
    onChange(u.code, u);
  };
  // A place chosen before (an existing scope, a reload) is named from its path.
  const known = useUnitPath(value && chosen?.code !== value ? value : null);
  const shown = !value ? null : chosen?.code === value ? placeLine(chosen) : known.data ? placeLine({ name: known.data.unit.name, within: known.data.path.slice(0, -1).reverse() }) : null;
  const items = found.data?.items ?? [];
  const firstOutside = items.findIndex((u) => !u.inArea);
  return (
    <div className="unit-picker">
      {value && shown ? (
        <p className="chosen">
          <strong>{shown}</strong>{' '}
          <button type="button" className="link" onClick={() => { setChosen(null); onChange(null); }}>{t('web.geo.change')}</button>
        </p>
      ) : (
        <>
          <input type="search" aria-label={label ?? t('web.geo.search')} placeholder={value ?? t('web.geo.searchHint')} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          {typed ? (
            <fieldset className="unit-choices">
              <legend className="sr-only">{t('web.geo.choose')}</legend>
              {found.isFetching && items.length === 0 ? <p className="hint" role="status">{t('web.common.loading')}</p> : null}
              {found.isSuccess && items.length === 0 ? <p className="hint" role="status">{t('web.geo.noMatch')}</p> : null}
              {items.map((u, i) => (
                <div key={u.code}>
                  {i === 0 && u.inArea ? <p className="choice-group">{t('web.geo.inYourArea')}</p> : null}
                  {i === firstOutside && firstOutside > 0 ? <p className="choice-group">{t('web.geo.elsewhere')}</p> : null}
                  <label className="check">
                    <input type="radio" name={name} value={u.code} checked={value === u.code} onChange={() => pick(u)} />
                    <span>{placeLine(u)}</span>
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
        </>
      )}
    </div>
  );
}
