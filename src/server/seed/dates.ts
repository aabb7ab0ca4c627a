/** Time spans and the ISO day, for seeds that place events in the past (in milliseconds, UTC). */
export const DAY_MS = 86_400_000;
export const YEAR_MS = 365.25 * DAY_MS;

/** "2026-12-07": the UTC day of a moment given in milliseconds. */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
