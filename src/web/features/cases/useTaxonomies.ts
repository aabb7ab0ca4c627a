import { useQuery } from '@tanstack/react-query';
import { call } from '../../api.js';
import { currentLang } from '../../i18n.js';
import type { Taxonomies } from '../../../shared/cases.js';

export type { Taxonomies };

export function useTaxonomies() {
  return useQuery({ queryKey: ['taxonomies'], queryFn: () => call('GET /api/v1/taxonomies'), staleTime: Infinity });
}

/** A code's label in the reader's language (English when a Bangla label is missing). */
export function labelOf(items: Taxonomies['disabilities'] | undefined, code: string): string {
  const item = items?.find((i) => i.code === code);
  if (!item) return code;
  return item.label[currentLang()] ?? item.label.en ?? code;
}
