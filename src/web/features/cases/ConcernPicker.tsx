import { useTranslation } from 'react-i18next';
import { GroupedChecklist, type ChecklistGroup } from '../../components/GroupedChecklist.js';
import { currentLang, num } from '../../i18n.js';
import type { Taxonomies } from './useTaxonomies.js';

type Concern = Taxonomies['concerns'][number];
const MAX = 10;

/** The protection concerns, grouped by category, searchable by any label or alias in either script; at most ten. */
export function ConcernPicker({ concerns, value, onChange, error }: { concerns: Concern[]; value: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const groups = new Map<string, ChecklistGroup>();
  for (const c of concerns) {
    const g = groups.get(c.category) ?? { key: c.category, title: c.category_label[lang] ?? c.category_label.en ?? c.category, items: [] };
    g.items.push({ code: c.code, label: c.label[lang] ?? c.label.en ?? c.code, search: [...Object.values(c.label), ...Object.values(c.category_label), ...c.aliases] });
    groups.set(c.category, g);
  }
  return (
    <GroupedChecklist legend={t('web.cases.concerns')} name="concerns" filterId="f-concern-filter" filterLabel={t('web.cases.findConcern')} chosenLabel={t('web.cases.chosenConcerns')}
      removeLabel={(name) => t('web.cases.removeConcern', { name })} groups={[...groups.values()]} value={value} onChange={onChange} max={MAX}
      limitHint={t('web.cases.concernLimit', { n: num(MAX) })} noMatchHint={t('web.cases.noConcernMatch')} error={error} />
  );
}
