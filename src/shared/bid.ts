import { z } from 'zod';
import { CARE_OPTIONS } from './values.js';
export { CARE_OPTIONS } from './values.js';
import { PastDate } from './common.js';

export type CareOption = (typeof CARE_OPTIONS)[number];

export const BidInput = z.object({
  question: z.string().trim().min(10).max(1000),
  options: z.array(z.object({ option: z.enum(CARE_OPTIONS), assessment: z.string().trim().min(5).max(2000) })).min(1).max(9),
  recommendation: z.enum(CARE_OPTIONS),
  childViews: z.string().trim().min(5).max(4000),
  familyViews: z.string().trim().max(4000).optional(),
});
export type BidInput = z.infer<typeof BidInput>;

export const BoardDecisionInput = z.object({
  decision: z.enum(CARE_OPTIONS),
  decisionDate: PastDate,
  notes: z.string().trim().max(4000).default(''),
});
export type BoardDecisionInput = z.infer<typeof BoardDecisionInput>;
