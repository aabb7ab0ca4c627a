/**
 * Which flagged cells become alerts. A district and category that was alerted stays quiet for
 * `weeks` weeks (the officers already know), unless its count grows past the count that last
 * raised the alert: a worsening outbreak is news again.
 */
export type FlaggedCell = { areaCode: string; categoryCode: string; period: string; observed: number };
export type RaisedAlert = { areaCode: string; categoryCode: string; period: string; observed: number };

const DAY = 86_400_000;
const key = (c: { areaCode: string; categoryCode: string }) => `${c.areaCode}|${c.categoryCode}`;

export function alertsToRaise(flagged: readonly FlaggedCell[], earlier: readonly RaisedAlert[], weeks = 4): FlaggedCell[] {
  const last = new Map<string, RaisedAlert>();
  for (const a of [...earlier].sort((x, y) => x.period.localeCompare(y.period))) last.set(key(a), a);
  const raised: FlaggedCell[] = [];
  for (const cell of [...flagged].sort((x, y) => x.period.localeCompare(y.period))) {
    const before = last.get(key(cell));
    const gap = before ? (Date.parse(cell.period) - Date.parse(before.period)) / DAY : Infinity;
    if (gap <= 0 && before) continue;
    if (gap < weeks * 7 && cell.observed <= before!.observed) continue;
    raised.push(cell);
    last.set(key(cell), cell);
  }
  return raised;
}
