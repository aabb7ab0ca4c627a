import { useTranslation } from 'react-i18next';
import { num } from '../../i18n.js';

/** "92 of 100 seats", with a bar that turns red when the facility is full or over. */
export function Occupancy({ occupancy, seats }: { occupancy: number; seats: number }) {
  const { t } = useTranslation();
  const share = seats > 0 ? Math.min(occupancy / seats, 1) : 1;
  return (
    <span className="occupancy">
      <meter min={0} max={Math.max(seats, 1)} value={Math.min(occupancy, Math.max(seats, 1))} high={Math.max(seats, 1) * 0.95} optimum={0} aria-hidden="true" />
      <span data-occupancy={occupancy} className={share >= 1 ? 'full' : undefined}>{t('web.institutions.occupancy', { occupancy: num(occupancy), seats: num(seats) })}</span>
    </span>
  );
}
