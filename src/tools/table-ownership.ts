import ts from 'typescript';

/**
 * The table-ownership check (`npm run check`): each table belongs to one module (or to the
 * platform), and only its owner's SQL may name it. Another module may read it only where the
 * allow-list of read-only display joins says so, and may never write it: it asks the owner's
 * service. The check reads the SQL the code actually contains (string and template literals,
 * found with the TypeScript parser) and the tables the migrations create.
 */

/** Who a file speaks for: a module's name, `platform`, or `app` (the composition root: main, seeds, bootstrap). */
export type Reader = string;

/** A read another owner may make of a table: a display join (a name beside a row), with the reason. */
export type AllowedRead = { reader: Reader | '*'; table: string; why: string };

export type Finding = {
  kind: 'foreign_write' | 'foreign_read' | 'unowned_table' | 'unknown_table' | 'two_owners';
  file: string;
  line: number;
  table: string;
  reader: Reader | null;
  owner: string | null;
};

export type Source = { file: string; text: string };

/** The reader a source file speaks for, from its path (posix, relative to the repository). */
export function readerOf(file: string): Reader {
  const m = /^src\/server\/modules\/([^/]+)\//.exec(file);
  if (m) return m[1]!;
  if (file.startsWith('src/server/platform/')) return 'platform';
  return 'app';
}

/** Tables created by migrations (`CREATE [UNLOGGED] TABLE [IF NOT EXISTS] name`), with the file and line. */
export function tablesCreated(migration: Source): Array<{ table: string; line: number }> {
  const out: Array<{ table: string; line: number }> = [];
  const re = /\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/gi;
  for (const m of migration.text.matchAll(re)) out.push({ table: m[1]!.toLowerCase(), line: lineAt(migration.text, m.index) });
  return out;
}

/** The text of every string and template literal in a TypeScript file, with the line it starts on. */
export function literals(source: Source): Array<{ text: string; line: number }> {
  const file = ts.createSourceFile(source.file, source.text, ts.ScriptTarget.Latest, true);
  const out: Array<{ text: string; line: number }> = [];
  const add = (node: ts.Node, text: string) => out.push({ text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      // Substitutions become a placeholder, so `FROM ${x}` names no table but `FROM cases c WHERE ${p}` still does.
      add(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' $x '));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

const WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|ALTER\s+TABLE|DROP\s+TABLE(?:\s+IF\s+EXISTS)?|COPY)\s+(?:ONLY\s+)?([a-z_][a-z0-9_]*)/gi;
const READ = /\b(?:FROM|JOIN|ANALYZE|TABLE)\s+(?:ONLY\s+)?([a-z_][a-z0-9_]*)((?:\s*(?:AS\s+)?[a-z_][a-z0-9_]*)?(?:\s*,\s*[a-z_][a-z0-9_]*(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?)*)/gi;

/** The known tables an SQL text names, and whether it writes them. */
export function tableRefs(text: string, known: ReadonlySet<string>): Array<{ table: string; write: boolean; offset: number }> {
  const refs: Array<{ table: string; write: boolean; offset: number }> = [];
  const writes: Array<[number, number]> = [];
  for (const m of text.matchAll(WRITE)) {
    const t = m[1]!.toLowerCase();
    writes.push([m.index, m.index + m[0].length]);
    if (known.has(t)) refs.push({ table: t, write: true, offset: m.index });
  }
  for (const m of text.matchAll(READ)) {
    // The FROM of `DELETE FROM t` is the write itself.
    if (writes.some(([start, end]) => m.index > start && m.index < end)) continue;
    const first = m[1]!.toLowerCase();
    if (known.has(first)) refs.push({ table: first, write: false, offset: m.index });
    // `FROM a x, b y`: the comma list after the first table names tables too.
    for (const extra of (m[2] ?? '').split(',').slice(1)) {
      const t = extra.trim().split(/\s+/)[0]?.toLowerCase();
      if (t && known.has(t)) refs.push({ table: t, write: false, offset: m.index });
    }
  }
  return refs;
}

/**
 * Every breach of ownership in the given sources. `owners` maps each owner (module name or
 * `platform`) to the tables it declares; `migrations` are the SQL files that create them.
 */
export function checkOwnership(input: { owners: ReadonlyMap<string, readonly string[]>; migrations: readonly Source[]; sources: readonly Source[]; allow: readonly AllowedRead[] }): Finding[] {
  const findings: Finding[] = [];
  const ownerOf = new Map<string, string>();
  for (const [owner, tables] of input.owners) {
    for (const t of tables) {
      if (ownerOf.has(t)) findings.push({ kind: 'two_owners', file: '', line: 0, table: t, reader: owner, owner: ownerOf.get(t)! });
      else ownerOf.set(t, owner);
    }
  }
  const created = new Set<string>();
  for (const m of input.migrations) {
    for (const { table, line } of tablesCreated(m)) {
      created.add(table);
      if (!ownerOf.has(table)) findings.push({ kind: 'unowned_table', file: m.file, line, table, reader: null, owner: null });
    }
  }
  for (const t of ownerOf.keys()) if (!created.has(t)) findings.push({ kind: 'unknown_table', file: '', line: 0, table: t, reader: null, owner: ownerOf.get(t)! });

  for (const source of input.sources) {
    const reader = readerOf(source.file);
    for (const lit of literals(source)) {
      for (const ref of tableRefs(lit.text, created)) {
        const owner = ownerOf.get(ref.table) ?? null;
        if (owner === reader) continue;
        const line = lit.line + (lit.text.slice(0, ref.offset).match(/\n/g)?.length ?? 0);
        if (ref.write) {
          findings.push({ kind: 'foreign_write', file: source.file, line, table: ref.table, reader, owner });
        } else if (!input.allow.some((a) => a.table === ref.table && (a.reader === reader || (a.reader === '*' && reader !== 'app')))) {
          findings.push({ kind: 'foreign_read', file: source.file, line, table: ref.table, reader, owner });
        }
      }
    }
  }
  // One finding per place: a statement that names a table twice is one breach.
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.file}|${f.line}|${f.table}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line a person can act on. */
export function describeFinding(f: Finding): string {
  const at = f.file ? `${f.file}:${f.line}: ` : '';
  switch (f.kind) {
    case 'foreign_write':
      return `${at}${f.reader} writes ${f.table}, which ${f.owner} owns: call ${f.owner}'s service instead`;
    case 'foreign_read':
      return `${at}${f.reader} reads ${f.table}, which ${f.owner} owns: call ${f.owner}'s service, or add a read-only display join to the allow-list with its reason`;
    case 'unowned_table':
      return `${at}table ${f.table} has no owner: list it in its module's manifest (tables) or in platform/tables.ts`;
    case 'unknown_table':
      return `${f.owner} declares table ${f.table}, which no migration creates`;
    case 'two_owners':
      return `table ${f.table} is declared by both ${f.owner} and ${f.reader}`;
    default: {
      const never: never = f.kind;
      return String(never);
    }
  }
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
