import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeForm } from '../../../shared/helpline.js';
import { GroupedChecklist, type ChecklistItem } from '../../components/GroupedChecklist.js';
import { currentLang } from '../../i18n.js';

type Sub = IntakeForm['categories'][number]['subcategories'][number];

/** Contact categories (category > subcategory): the Bangladesh priorities first, then each category; searchable in either script. */
export const CategoryPicker = forwardRef<HTMLInputElement, { form: IntakeForm; value: string[]; onChange: (v: string[]) => void; error?: string | undefined }>(
  function CategoryPicker({ form, value, onChange, error }, filterRef) {
    const { t } = useTranslation();
    const lang = currentLang();
    const label = (l: Record<string, string>) => l[lang] ?? l.en ?? '';
    const item = (s: Sub, parent: IntakeForm['categories'][number], withParent: boolean): ChecklistItem => ({
      code: s.code, label: label(s.label), note: withParent ? label(parent.label) : undefined, search: [...Object.values(s.label), ...Object.values(parent.label)],
    });
    // A priority subcategory is listed once, among the priorities (with its category beside it).
    const groups = [
      { key: 'priority', title: t('web.helpline.priority'), open: true, items: form.categories.flatMap((c) => c.subcategories.filter((s) => s.priority).map((s) => item(s, c, true))) },
      ...form.categories.map((c) => ({ key: c.code, title: label(c.label), items: c.subcategories.filter((s) => !s.priority).map((s) => item(s, c, false)) })),
    ];
    return (
      <GroupedChecklist ref={filterRef} legend={<>{t('web.helpline.categories')} <kbd>Alt+C</kbd></>} name="categories" filterId="f-category-filter" filterLabel={t('web.helpline.findCategory')}
        removeLabel={(name) => t('web.cases.removeConcern', { name })} groups={groups} value={value} onChange={onChange} error={error} />
    );
  },
);
