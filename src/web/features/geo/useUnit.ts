import { useQuery } from '@tanstack/react-query';
import type { GeoUnit } from '../../../shared/geo.js';
import { get } from '../../api.js';
import { currentLang } from '../../i18n.js';

export function unitName(u: Pick<GeoUnit, 'name'>): string {
  return currentLang() === 'bn' ? (u.name.local ?? u.name.en) : u.name.en;
}

export function useChildren(code: string | null) {
  return useQuery({
    queryKey: ['geo', 'children', code],
    queryFn: () => get<{ items: GeoUnit[] }>(code ? `/api/v1/geo/units/${encodeURIComponent(code)}/children` : '/api/v1/geo/units'),
    staleTime: Infinity,
  });
}

export function useUnitPath(code: string | null) {
  return useQuery({
    queryKey: ['geo', 'unit', code],
    queryFn: () => get<{ unit: GeoUnit; path: GeoUnit[] }>(`/api/v1/geo/units/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    staleTime: Infinity,
  });
}
