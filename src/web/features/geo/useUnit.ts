import { useQuery } from '@tanstack/react-query';
import type { GeoUnit } from '../../../shared/geo.js';
import { call } from '../../api.js';
import { currentLang } from '../../i18n.js';

export function unitName(u: Pick<GeoUnit, 'name'>): string {
  return currentLang() === 'bn' ? (u.name.local ?? u.name.en) : u.name.en;
}

export function useChildren(code: string | null) {
  return useQuery({
    queryKey: ['geo', 'children', code],
    queryFn: () => (code ? call('GET /api/v1/geo/units/:code/children', { params: { code } }) : call('GET /api/v1/geo/units')),
    staleTime: Infinity,
  });
}

export function useUnitPath(code: string | null) {
  return useQuery({
    queryKey: ['geo', 'unit', code],
    queryFn: () => call('GET /api/v1/geo/units/:code', { params: { code: code ?? '' } }),
    enabled: Boolean(code),
    staleTime: Infinity,
  });
}
