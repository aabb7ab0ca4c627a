import { z } from 'zod';

/** The answer of a route that only confirms (`{ ok: true }`). */
export const Ok = z.object({ ok: z.literal(true) });

/** A list response: `{ items: [...] }`. */
export const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
