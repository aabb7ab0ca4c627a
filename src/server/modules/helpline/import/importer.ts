import { createHash } from 'node:crypto';
import { can, type Actor } from '../../../platform/access/actor.js';
import { usersHolding } from '../../../platform/access/holders.js';
import { scopeCovers } from '../../../platform/access/scope.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import { loadActor } from '../../../platform/auth/actor-loader.js';
import { CopyFailed, type CopyChunk } from '../../../platform/db/copy.js';
import { NotUtf8, readCsvForCopy } from '../../../platform/db/csv-chunks.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import type { CountryConfig } from '../../../../shared/geo.js';
import { CALL_TYPES_ABOUT_A_CHILD, HELPLINE_PERMISSIONS as P } from '../../../../shared/helpline.js';
import type { GeoService } from '../../geo/service.js';
import type { LoadedIntakeForm } from '../form.js';
import { buildLookups } from './lookups.js';
import * as q from './queries.js';

/** Problems kept in the report (the count is always the whole number). */
const MAX_REPORTED_ISSUES = 1000;
/** Staged records inserted per statement inside the one transaction, so the progress bar moves. */
const INSERT_BATCH = 250_000;

export type ImportStage = 'copy' | 'check' | 'insert';
export type ImportProgress = (stage: ImportStage, done: number, total: number | null) => void;
export type ContactImportResult = {
  id: string; status: 'done' | 'rejected'; rows: number; issueCount: number; issues: FieldIssue[];
  /** Where the time went (milliseconds): copying into staging, checking (a file with problems), inserting with the counts. */
  millis: Record<ImportStage, number>;
};

/** Thrown inside the insert transaction to roll it back: the file has problems to report. */
class HasProblems extends Error {}

const issue = (row: number, column: string, code: string, params: Record<string, unknown> = {}): FieldIssue =>
  ({ path: `rows.${row}.${column}`, code, message: '', params: { row, column, ...params } });

/**
 * Historical helpline contacts from a CSV file (docs/import-helpline-contacts.md), all or
 * nothing: the file is streamed into a staging table with COPY (checked as UTF-8 on the way),
 * every record is checked there in one SQL pass (line numbers as in the file), and only a clean
 * file is inserted, in one transaction with the counts and its audit row. One import
 * runs at a time; a stopped one leaves nothing behind but its staging, emptied by the next.
 */
export function createContactImporter(db: Database, geo: GeoService, form: LoadedIntakeForm, country: CountryConfig) {
  const levelKey = (level: number) => country.levels.find((l) => l.level === level)?.key;
  /** The file may name the place columns by the country's own levels (tehsil_code in Khyber Pakhtunkhwa). */
  const aliases = new Map<string, q.ImportColumn>([
    [`${levelKey(3) ?? 'upazila'}_code`, 'upazila_code'], [`${levelKey(4) ?? 'union'}_code`, 'union_code'],
  ]);
  const known = new Set<string>([...q.REQUIRED_COLUMNS, ...q.OPTIONAL_COLUMNS]);

  function mayImport(actor: Actor) {
    // Historical files span the country: only national scope may load them.
    if (!can(actor, P.import) || !scopeCovers(actor, P.import, { adm1: null, adm2: null, adm3: null })) throw new AppError('forbidden');
  }

  /** The organisation that ran the helpline: the one every account taking contacts belongs to, if there is exactly one. */
  async function operator(): Promise<string | null> {
    const orgs = new Set<string>();
    for (const id of await usersHolding(db, { permission: P.take })) {
      const a = await loadActor(db, id, 'session');
      if (a?.organisationId) orgs.add(a.organisationId);
    }
    return orgs.size === 1 ? [...orgs][0]! : null;
  }

  function columnsOf(header: string[]): { columns: q.ImportColumn[]; issues: FieldIssue[] } {
    const columns = header.map((h) => (aliases.get(h) ?? h) as q.ImportColumn);
    const issues: FieldIssue[] = [];
    if (header.length === 0) return { columns, issues: [{ path: 'rows', code: 'no_rows', message: '' }] };
    for (const c of q.REQUIRED_COLUMNS) if (!columns.includes(c)) issues.push({ path: `columns.${c}`, code: 'missing_column', message: '', params: { column: c } });
    for (const [i, c] of columns.entries()) {
      if (!known.has(c)) issues.push({ path: `columns.${c}`, code: 'unknown_column', message: '', params: { column: header[i]!.slice(0, 60) } });
      else if (columns.indexOf(c) !== i) issues.push({ path: `columns.${c}`, code: 'import_repeated_column', message: '', params: { column: c } });
    }
    return { columns, issues };
  }

  return {
    async importFile(actor: Actor, input: { source: AsyncIterable<Uint8Array>; fileName: string; organisationId?: string | undefined }, ctx: AuditContext, progress: ImportProgress = () => undefined): Promise<ContactImportResult> {
      mayImport(actor);
      const organisationId = input.organisationId ?? (await operator());
      if (!organisationId) throw new AppError('validation', 'import_no_operator');
      const id = await q.startImport(db, { fileName: input.fileName, organisationId, createdBy: actor.via === 'cli' ? null : actor.userId });
      if (!id) throw new AppError('conflict', 'import_running');
      const millis: Record<ImportStage, number> = { copy: 0, check: 0, insert: 0 };
      /** Marks the import rejected with its problems (audited) and answers them: nothing was written. */
      const reject = async (sha256: string | null, rows: number, issues: FieldIssue[], total = issues.length): Promise<ContactImportResult> => {
        await db.tx(async (tx) => {
          await q.finishImport(tx, id, { status: 'rejected', sha256, rows, issues, issueCount: total });
          await recordAudit(tx, ctx, { action: 'helpline.import.rejected', entity: 'helpline_import', entityId: id, meta: { file: input.fileName, sha256, rows, problems: total } });
        });
        return { id, status: 'rejected', rows, issues, issueCount: total, millis };
      };
      try {
        let started = Date.now();
        await q.clearStaging(db);
        const [upazilas, unions] = await Promise.all([geo.unitsAt(3), form.placeLevel >= 4 ? geo.unitsAt(4) : Promise.resolve([])]);
        await q.insertLookups(db, buildLookups(form, upazilas, unions));
        const hash = createHash('sha256');
        const csv = await readCsvForCopy((async function* () {
          for await (const piece of input.source) {
            hash.update(piece);
            yield piece;
          }
        })()).catch((err: unknown) => {
          if (err instanceof NotUtf8) return null;
          throw err;
        });
        if (!csv) return reject(null, 0, [{ path: 'file', code: 'not_utf8', message: '' }]);
        const { columns, issues: headerIssues } = columnsOf(csv.header);
        if (headerIssues.length) return reject(null, 0, headerIssues);
        let copied = 0;
        const counted = (async function* (): AsyncGenerator<CopyChunk> {
          for await (const c of csv.chunks) {
            yield c;
            copied += c.records;
            progress('copy', csv.bytesRead(), null);
          }
        })();
        try {
          await db.copyFrom(q.copyStatement(columns), counted);
        } catch (err) {
          const problem = err instanceof NotUtf8 ? { path: 'file', code: 'not_utf8', message: '' }
            : err instanceof CopyFailed ? issue((err.record ?? copied + 1) + 1, 'row', 'malformed_row') : null;
          if (!problem) throw err;
          return reject(null, copied, [problem]);
        }
        const sha256 = hash.digest('hex');
        millis.copy = Date.now() - started;
        const range = await q.stagedRange(db);
        if (range.n === 0 || range.first === null || range.last === null) return reject(sha256, 0, [{ path: 'rows', code: 'no_rows', message: '' }]);
        const { first, last } = range;
        // A clean file is written in one pass: every record that passes its checks is inserted,
        // in one transaction; if any did not (or an id repeats, or was imported before), the
        // transaction is rolled back and a second pass finds and reports every problem.
        await q.heartbeat(db, id);
        started = Date.now();
        const written = await db.tx(async (tx) => {
          await q.bulkPlans(tx);
          let n = 0;
          for (let from = first; from <= last; from += INSERT_BATCH) {
            n += await q.insertStaged(tx, { first, fromSeq: from, toSeq: Math.min(from + INSERT_BATCH - 1, last), tz: country.timezone, importId: id, organisationId, aboutAChild: CALL_TYPES_ABOUT_A_CHILD });
            progress('insert', Math.min(from + INSERT_BATCH, last + 1) - first, range.n);
          }
          if (n !== range.n) throw new HasProblems();
          // The weekly and monthly counts grew with each insert, in the same statement.
          millis.insert = Date.now() - started;
          await q.finishImport(tx, id, { status: 'done', sha256, rows: range.n });
          await recordAudit(tx, ctx, { action: 'helpline.import.done', entity: 'helpline_import', entityId: id, meta: { file: input.fileName, sha256, contacts: range.n } });
          return true;
        }).catch((err: unknown) => {
          if (err instanceof HasProblems) return false;
          throw err;
        });
        if (!written) {
          millis.insert = Date.now() - started;
          progress('check', 0, range.n);
          started = Date.now();
          const found = await db.tx(async (tx) => {
            await q.bulkPlans(tx);
            return q.checkStaged(tx, first, country.timezone, CALL_TYPES_ABOUT_A_CHILD, MAX_REPORTED_ISSUES);
          });
          millis.check = Date.now() - started;
          // Every record the insert skipped has a problem the check names; none found would be a bug, not a clean file.
          if (found.length === 0) throw new Error('helpline import: records were skipped but no problem was found');
          const issues = found.map((f) => issue(f.line, f.col, f.code, { ...(f.value === null ? {} : { value: f.value }), ...(f.code === 'row_too_long' ? { max: f.col === 'summary' ? q.SUMMARY_MAX : q.ID_MAX } : {}) }));
          return reject(sha256, range.n, issues, found[0]!.total);
        }
        await q.analyzeContacts(db);
        return { id, status: 'done', rows: range.n, issues: [], issueCount: 0, millis };
      } catch (err) {
        await q.finishImport(db, id, { status: 'failed', issues: [{ path: 'file', code: 'import_write_failed', message: '' }], issueCount: 1 }).catch(() => undefined);
        throw err;
      } finally {
        await q.clearStaging(db).catch(() => undefined);
      }
    },
  };
}
export type ContactImporter = ReturnType<typeof createContactImporter>;
