import { z } from 'zod';

/** The answer of a route that only confirms (`{ ok: true }`). */
export const Ok = z.object({ ok: z.literal(true) });

/** A list response: `{ items: [...] }`. */
export const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A real calendar date, YYYY-MM-DD (2026-02-30 is refused, not passed on to the database). */
export const IsoDate = z.iso.date();

/** The date a day from now (UTC): the grace that lets "today" in Dhaka pass on a UTC server. */
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** A date that has already come: a birth, a report, a consent. Not in the future, not before 1900. */
export const PastDate = IsoDate.refine((d) => d <= tomorrow(), { message: 'date_in_future' }).refine((d) => d >= '1900-01-01', { message: 'date_too_old' });
