/**
 * A saved SOP step form as a readable record: labelled rows in the reader's language, the same
 * on the case page and in the printed file. Pure (no zod), so the web bundle can use it.
 * Choices are shown by their label, dates as dates, lists one item a line; a field the form
 * does not know (older or imported data) is still shown, under its own name, never dropped.
 */
export type RecordRow = { label: string; value: string };
export type RecordGroup = { title: string | null; rows: RecordRow[] };
export type RecordFormat = { t: (key: string, params?: Record<string, unknown>) => string; date: (isoDate: string) => string };

type Kind = 'text' | 'date' | 'bool' | 'list' | { choice: string };
const FIELDS: Record<string, Array<[key: string, kind: Kind, label?: string]>> = {
  initial_assessment: [['immediateSafety', { choice: 'web.sop.safety' }], ['findings', 'text'], ['riskLevel', { choice: 'web.cases.riskLevels' }], ['emergencyPlacementNeeded', 'bool']],
  comprehensive_assessment: [['safety', 'text'], ['health', 'text'], ['education', 'text'], ['family', 'text'], ['psychosocial', 'text'], ['strengths', 'text'], ['needs', 'list', 'needsRead']],
  implementation: [['note', 'text']],
  follow_up: [['kind', { choice: 'web.sop.followUpKinds' }], ['date', 'date'], ['notes', 'text'], ['progress', { choice: 'web.sop.progress' }]],
  closure: [['reason', { choice: 'web.sop.closureReasons' }, 'closureReason'], ['outcome', 'text']],
  post_closure: [['date', 'date'], ['notes', 'text']],
};
const PLAN_ACTION: Array<[string, Kind]> = [['action', 'text'], ['responsible', 'text'], ['due', 'date']];

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);

function show(value: unknown, kind: Kind, f: RecordFormat): string {
  if (value === undefined || value === null || value === '') return '';
  if (kind === 'bool') return f.t(value === true ? 'web.sop.yes' : 'web.sop.no');
  if (kind === 'date') return isDate(value) ? f.date(value) : String(value);
  if (kind === 'list') return Array.isArray(value) ? value.map(String).join('\n') : String(value);
  if (typeof kind === 'object') {
    const key = `${kind.choice}.${String(value)}`;
    const label = f.t(key);
    return label === key ? String(value) : label;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function rowsOf(data: Record<string, unknown>, fields: Array<[string, Kind, string?]>, f: RecordFormat): RecordRow[] {
  const rows: RecordRow[] = [];
  for (const [key, kind, label] of fields) {
    const value = show(data[key], kind, f);
    // Empty optional fields (health, education, ...) are left out rather than shown as blanks.
    if (value) rows.push({ label: f.t(`web.sop.fields.${label ?? key}`), value });
  }
  const known = new Set(fields.map(([k]) => k));
  for (const [key, v] of Object.entries(data)) {
    if (!known.has(key)) {
      const value = show(v, 'text', f);
      if (value) rows.push({ label: key, value });
    }
  }
  return rows;
}

export function stepRecord(step: string, data: Record<string, unknown>, f: RecordFormat): RecordGroup[] {
  if (step === 'case_plan' && Array.isArray(data.goals)) {
    const groups = (data.goals as unknown[]).map((g, i): RecordGroup => {
      const goal = (g && typeof g === 'object' ? g : {}) as Record<string, unknown>;
      const { actions, ...rest } = goal;
      const rows = rowsOf(rest, [['need', 'text'], ['goal', 'text']], f);
      for (const a of Array.isArray(actions) ? actions : []) rows.push(...rowsOf((a && typeof a === 'object' ? a : {}) as Record<string, unknown>, PLAN_ACTION, f));
      return { title: f.t('web.sop.goalNumber', { n: i + 1 }), rows };
    });
    const extra = rowsOf(Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'goals')), [], f);
    return extra.length ? [...groups, { title: null, rows: extra }] : groups;
  }
  return [{ title: null, rows: rowsOf(data, FIELDS[step] ?? [], f) }];
}
