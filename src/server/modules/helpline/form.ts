import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CountryConfig } from '../../../shared/geo.js';
import type { IntakeForm } from '../../../shared/helpline.js';

const Label = z.record(z.string(), z.string());
const Categories = z.object({
  categories: z.array(z.object({
    code: z.string().regex(/^[a-z_]+$/), label: Label,
    subcategories: z.array(z.object({ code: z.string().regex(/^[a-z_]+\.[a-z_]+$/), label: Label, concern: z.string().nullable(), priority: z.boolean().default(false) })).min(1),
  })).min(1),
});

/**
 * The intake form: call types, channels and place level from the country configuration, the
 * categories from data/taxonomies/helpline-categories.json (kept as data, so a helpline adds
 * local categories without a release). Each subcategory names the case concern a case opened
 * from the contact gets; a concern the case taxonomy does not know stops the start-up.
 */
export function loadIntakeForm(referenceDataDir: string, country: CountryConfig, knownConcern: (code: string) => boolean): IntakeForm & { subcategory(code: string): IntakeForm['categories'][number]['subcategories'][number] | undefined } {
  const file = path.join(referenceDataDir, 'taxonomies', 'helpline-categories.json');
  const { categories } = Categories.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const byCode = new Map(categories.flatMap((c) => c.subcategories.map((s) => [s.code, s] as const)));
  for (const s of byCode.values()) {
    if (s.concern && !knownConcern(s.concern)) throw new Error(`${file}: ${s.code} maps to unknown case concern ${s.concern}`);
  }
  return {
    helpline: { number: country.helpline.number, name: country.helpline.name },
    callTypes: country.helpline.form.callTypes,
    channels: country.helpline.form.channels,
    placeLevel: country.helpline.form.placeLevel,
    dispatchTargets: country.helpline.dispatchTargets,
    categories,
    subcategory: (code) => byCode.get(code),
  };
}
export type LoadedIntakeForm = ReturnType<typeof loadIntakeForm>;
