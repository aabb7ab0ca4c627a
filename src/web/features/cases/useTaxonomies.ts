import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.js';
import { currentLang } from '../../i18n.js';

type Item = { code: string; label: Record<string, string> };
export type Taxonomies = { concerns: Array<Item & { category: string; category_label: Record<string, string>; sensitive: boolean }>; disabilities: Item[]; vulnerableGroups: Item[] };

export function useTaxonomies() {
  return useQuery({ queryKey: ['taxonomies'], queryFn: () => get<Taxonomies>('/api/v1/taxonomies'), staleTime: Infinity });
}

/** A code's label in the reader's language (English when a Bangla label is missing). */
export function labelOf(items: Item[] | undefined, code: string): string {
  const item = items?.find((i) => i.code === code);
  if (!item) return code;
  return item.label[currentLang()] ?? item.label.en ?? code;
}
