import { useTranslation } from 'react-i18next';
import { num } from '../../i18n.js';
import { unitName, useChildren, useUnitPath } from './useUnit.js';

/** A user's working area: its place in the hierarchy and the units below it, with hard-to-reach flags. */
export function AreaCard({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const path = useUnitPath(code);
  const children = useChildren(code);
  const flagged = children.data?.items.filter((u) => u.flags.length > 0).length ?? 0;
  return (
    <section className="card" aria-labelledby="area-title">
      <h2 id="area-title">{t('web.home.yourArea')}</h2>
      <p className="path">{code ? (path.data?.path.map(unitName).join(' › ') ?? '…') : t('web.home.wholeCountry')}</p>
      {path.data?.unit.flags.length ? (
        <p>
          {path.data.unit.flags.map((f) => (
            <span key={f} className="tag">
              {t(`web.flags.${f}`)}
            </span>
          ))}
        </p>
      ) : null}
      {children.data ? (
        <p>
          {t('web.home.unitsBelow', { countText: num(children.data.items.length) })}
          {flagged ? ` ${t('web.home.hardToReach', { countText: num(flagged) })}` : ''}
        </p>
      ) : null}
      {children.data ? (
        <ul className="unit-list">
          {children.data.items.slice(0, 12).map((u) => (
            <li key={u.code}>
              {unitName(u)}
              {u.flags.map((f) => (
                <span key={f} className="tag small">
                  {t(`web.flags.${f}`)}
                </span>
              ))}
            </li>
          ))}
          {children.data.items.length > 12 ? <li>…</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
