import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const Item = z.object({ code: z.string(), label: z.record(z.string(), z.string()) });
const Concern = Item.extend({ category: z.string(), category_label: z.record(z.string(), z.string()), sensitive: z.boolean(), aliases: z.array(z.string()).default([]) });

export type Concern = z.infer<typeof Concern>;
export type TaxonomyItem = z.infer<typeof Item>;

/** Reference lists kept as data (data/taxonomies), so a helpline can add local categories without a release. */
export function loadTaxonomies(referenceDataDir: string) {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(referenceDataDir, 'taxonomies', f), 'utf8')) as Record<string, unknown>;
  const concerns = z.array(Concern).parse(read('concerns.json').concerns);
  const disabilities = z.array(Item).parse(read('disabilities.json').items);
  const vulnerableGroups = z.array(Item).parse(read('vulnerable-groups.json').items);
  const byCode = new Map(concerns.map((c) => [c.code, c]));
  return {
    concerns,
    disabilities,
    vulnerableGroups,
    concern: (code: string) => byCode.get(code),
    /** A concern given as its code, its English or Bangla label, or an alias, case-insensitively (imports). */
    resolveConcern(text: string): Concern | undefined {
      const t = text.trim().toLowerCase();
      return byCode.get(t) ?? concerns.find((c) => [...Object.values(c.label), ...c.aliases].some((l) => l.toLowerCase() === t));
    },
  };
}

export type Taxonomies = ReturnType<typeof loadTaxonomies>;
