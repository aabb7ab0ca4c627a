import { createHash, randomUUID } from 'node:crypto';
import { setImmediate as nextTick, setTimeout as sleep } from 'node:timers/promises';
import { can, type Actor } from '../../../platform/access/actor.js';
import { placeOf, scopeCovers } from '../../../platform/access/scope.js';
import { recordAudit, recordAuditMany, type AuditContext } from '../../../platform/audit/audit.js';
import { loadActor } from '../../../platform/auth/actor-loader.js';
import type { Database, Tx } from '../../../platform/db/database.js';
import { isConnectionError } from '../../../platform/db/availability.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import type { JobQueue } from '../../../platform/jobs/queue.js';
import type { GeoService } from '../../geo/service.js';
import { estimatedDob, peopleService, personKeys, type NewPersonRow } from '../../people/service.js';
import type { Taxonomies } from '../../people/taxonomies.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import { initialAssessmentDue, isSensitive } from '../policy.js';
import { analyzeCases, casesEstimate, defaultTeam, type DefaultTeam } from '../core/queries.js';
import { decodeUtf8, rowIssue } from '../../../platform/csv.js';
import { checkRows, type ImportUnit, type ValidRow } from './import-rows.js';
import * as q from './queries.js';

export { MAX_ROWS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './import-rows.js';
export const CASE_IMPORT_JOB = 'cases.import';
/**
 * Rows written per transaction. Each chunk holds the database (all of it, on the embedded
 * one) and the audit head only while it is written, so other users' requests are served
 * between chunks; 1,000 rows take well under a second even on the embedded database.
 */
const CHUNK = 1000;
const MAX_REPORTED_ISSUES = 1000;
/** Rows written before the first refresh of the planner's statistics (then at each doubling). */
const ANALYZE_FIRST = 4000;
const FINISHED: q.ImportStatus[] = ['done', 'rejected', 'failed'];


export type ImportView = {
  id: string; fileName: string; status: q.ImportStatus; rowsTotal: number | null; rowsDone: number; issueCount: number; issues: FieldIssue[];
  createdAt: string; finishedAt: string | null;
};

/**
 * Legacy case import, all or nothing, as a job: the upload is stored and queued at once; the
 * job checks every row (line numbers as in the file) and, only when the whole file is clean,
 * writes it in chunks of bulk statements, each chunk one short transaction with its audit
 * rows. A chunk that fails for any reason but a lost database removes everything the import
 * wrote; after a lost database or a stopped worker, the import resumes at the next chunk.
 */
export function createCaseImporter(db: Database, geo: GeoService, taxonomies: Taxonomies, country: string, jobs: JobQueue) {
  const sensitiveCodes = new Set(taxonomies.concerns.filter((c) => c.sensitive).map((c) => c.code));
  const worker = randomUUID();
  /**
   * Between two chunks. The embedded database has one connection: a request's queries (its
   * session, then its list, ...) each queued behind the next chunk, so a case list waited
   * four or five chunks (4-5 s at national scale). A pause of a tenth of the chunk's time lets
   * a request's few queries all run; a server has a pool of connections and needs none.
   */
  const letOthersThrough = (chunkMs: number) => (db.kind === 'pglite' ? sleep(Math.min(200, Math.max(50, chunkMs / 10))) : nextTick());

  const view = (i: q.ImportRow): ImportView => ({
    id: i.id, fileName: i.file_name, status: i.status, rowsTotal: i.rows_total, rowsDone: i.rows_done, issueCount: i.issue_count,
    issues: (i.issues ?? []) as FieldIssue[], createdAt: new Date(i.created_at).toISOString(), finishedAt: i.finished_at ? new Date(i.finished_at).toISOString() : null,
  });

  /** The uploader as they are now (a withdrawn permission stops the import); the CLI (no user) may import anywhere. */
  async function importer(createdBy: string | null): Promise<Actor | undefined> {
    if (!createdBy) return { userId: '', username: 'cli', organisationId: '', lang: 'en', via: 'cli', bindings: [{ roleKey: 'cli', permissions: [P.import], scopeLevel: 0, scopeCode: null }] };
    const actor = await loadActor(db, createdBy, 'session');
    return actor && can(actor, P.import) ? actor : undefined;
  }

  async function check(actor: Actor, text: string) {
    const units = new Map<string, Promise<ImportUnit | undefined>>();
    const concerns = new Map<string, string | undefined>();
    return checkRows(text, {
      unit(code) {
        if (!units.has(code)) units.set(code, geo.find(code).then((u) => (u ? { code: u.code, level: u.level, parent_code: u.parent_code, ...placeOf(u) } : undefined)));
        return units.get(code)!;
      },
      concern(text) {
        if (!concerns.has(text)) concerns.set(text, taxonomies.resolveConcern(text)?.code);
        return concerns.get(text);
      },
      covers: (place) => scopeCovers(actor, P.import, place),
    });
  }

  async function writeChunk(tx: Tx, importId: string, rows: ValidRow[], teams: Map<string, DefaultTeam>, createdBy: string | null, ctx: AuditContext, fileName: string) {
    const wanted = new Map<string, { adm2: string; year: number; n: number }>();
    for (const r of rows) {
      const year = Number(r.reportedOn.slice(0, 4));
      const key = `${r.place.adm2}|${year}`;
      const w = wanted.get(key) ?? { adm2: r.place.adm2 as string, year, n: 0 };
      w.n++;
      wanted.set(key, w);
    }
    const next = new Map<string, number>();
    for (const c of await q.takeCaseNumbers(tx, [...wanted.values()])) next.set(`${c.adm2_code}|${c.year}`, c.last - (wanted.get(`${c.adm2_code}|${c.year}`)?.n ?? 0) + 1);
    const now = new Date();
    const persons: NewPersonRow[] = [];
    const cases: q.ImportedCase[] = [];
    const audits: Parameters<typeof recordAuditMany>[2] = [];
    for (const r of rows) {
      const year = Number(r.reportedOn.slice(0, 4));
      const key = `${r.place.adm2}|${year}`;
      const seq = next.get(key) as number;
      next.set(key, seq + 1);
      const team = teams.get(r.place.adm3 as string) as DefaultTeam;
      const keys = personKeys(r.names);
      const childId = randomUUID();
      const id = randomUUID();
      const caseNumber = `${country.toUpperCase()}-${r.place.adm2}-${year}-${String(seq).padStart(6, '0')}`;
      persons.push({ id: childId, names: r.names, display_name: r.names[0]!.text, name_key: keys.nameKey, name_folded: keys.nameFolded, sex: r.sex,
        date_of_birth: estimatedDob(r.age, new Date(`${r.reportedOn}T00:00:00Z`)), dob_estimated: true, geo_code: r.place.code, adm1_code: r.place.adm1, adm2_code: r.place.adm2, adm3_code: r.place.adm3 });
      cases.push({ id, case_number: caseNumber, child_id: childId, risk_level: r.risk, concerns: [r.concern], source: r.source, sensitive: isSensitive([r.concern], sensitiveCodes),
        summary: r.summary, reported_on: r.reportedOn, initial_assessment_due: initialAssessmentDue(r.risk, now).toISOString(), organisation_id: team.organisationId,
        caseworker_id: team.caseworker, supervisor_id: team.supervisor, geo_code: r.place.code, adm1_code: r.place.adm1, adm2_code: r.place.adm2, adm3_code: r.place.adm3,
        created_by: createdBy, child_name_key: keys.nameKey, child_name_folded: keys.nameFolded });
      audits.push({ action: 'case.import', entity: 'case', entityId: id, after: { case_number: caseNumber, file: fileName, line: r.line, legacy_id: r.legacyId } });
    }
    await peopleService.insertMany(tx, persons);
    await q.insertImportedCases(tx, importId, cases);
    // Counters and cases are locked before the audit head, as in every other write.
    await recordAuditMany(tx, ctx, audits);
  }

  /** Removes whatever a failed import wrote, chunk by chunk, then marks it failed. */
  async function rollBack(imp: q.ImportRow, ctx: AuditContext, reason: string) {
    let removed = 0;
    for (;;) {
      const n = await db.tx(async (tx) => {
        const children = await q.removeImportedCases(tx, imp.id, CHUNK);
        await peopleService.removeMany(tx, children);
        return children.length;
      });
      removed += n;
      if (n === 0) break;
      await nextTick();
    }
    await db.tx(async (tx) => {
      await q.setImportStatus(tx, imp.id, 'failed', ['rolling_back'], { issues: [{ path: 'file', code: 'import_write_failed', message: '' }], issueCount: 1 });
      await recordAudit(tx, ctx, { action: 'case_import.rolled_back', entity: 'case_import', entityId: imp.id, meta: { file: imp.file_name, removed, reason } });
    });
  }

  async function run(importId: string): Promise<void> {
    const claimed = await q.claimImport(db, importId, worker);
    const imp = await q.findImport(db, importId);
    if (!imp || FINISHED.includes(imp.status)) return;
    // Another worker holds it: the job is retried later, and finds it finished or abandoned.
    if (!claimed) throw new Error(`import ${importId} is being run by another worker`);
    const ctx = imp.audit_context;
    if (imp.status === 'rolling_back') return rollBack(imp, ctx, 'resumed');
    if (imp.status === 'queued') await db.tx((tx) => q.setImportStatus(tx, importId, 'checking', ['queued']));
    const actor = await importer(imp.created_by);
    const content = (await q.importContent(db, importId))?.content;
    const text = actor && content ? decodeUtf8(content) : null;
    const checked: { rows: ValidRow[]; issues: FieldIssue[] } = text !== null && actor ? await check(actor, text) : { rows: [], issues: [{ path: 'file', code: actor ? 'not_utf8' : 'import_forbidden', message: '' }] };
    // Each upazila's default team; an upazila with no office to own its cases is a problem of its rows.
    const teams = new Map<string, DefaultTeam>();
    for (const r of checked.rows) {
      const adm3 = r.place.adm3 as string;
      if (!teams.has(adm3)) teams.set(adm3, await defaultTeam(db, adm3, r.place.adm2 as string, actor?.organisationId ?? ''));
      if (!teams.get(adm3)?.organisationId) checked.issues.push(rowIssue(r.line, 'upazila_code', 'row_no_team'));
    }
    if (checked.issues.length) {
      if (imp.status === 'writing') {
        await db.tx((tx) => q.setImportStatus(tx, importId, 'rolling_back', ['writing']));
        return rollBack(imp, ctx, 'no_longer_valid');
      }
      await db.tx(async (tx) => {
        await q.setImportStatus(tx, importId, 'rejected', ['queued', 'checking'], { issues: checked.issues.slice(0, MAX_REPORTED_ISSUES), issueCount: checked.issues.length });
        await recordAudit(tx, ctx, { action: 'case_import.rejected', entity: 'case_import', entityId: importId, meta: { file: imp.file_name, problems: checked.issues.length } });
      });
      return;
    }
    const { rows } = checked;
    if (imp.status !== 'writing') await db.tx((tx) => q.setImportStatus(tx, importId, 'writing', ['queued', 'checking'], { rowsTotal: rows.length }));
    // Fresh planner statistics each time the import has doubled the table: with the
    // statistics of a small table, everyone's case lists were planned badly and slowed down
    // as the table grew (581 ms at 20,000 rows written, 32 ms after ANALYZE). A table that
    // is already large keeps its plans (at national scale each ANALYZE held the embedded
    // database for seconds, and others' requests with it).
    const before = await casesEstimate(db);
    const nextAnalyze = (written: number) => Math.max(written + ANALYZE_FIRST, before + 2 * written);
    let analyzeAt = nextAnalyze(imp.rows_done);
    try {
      for (let start = imp.rows_done; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        const began = performance.now();
        await db.tx(async (tx) => {
          await writeChunk(tx, importId, chunk, teams, imp.created_by, ctx, imp.file_name);
          await q.setRowsDone(tx, importId, start + chunk.length);
        });
        await letOthersThrough(performance.now() - began);
        if (start + chunk.length >= analyzeAt && start + chunk.length < rows.length) {
          await analyzeCases(db);
          await peopleService.analyze(db);
          analyzeAt = nextAnalyze(start + chunk.length);
          await nextTick();
        }
      }
    } catch (err) {
      // A lost database: the job is retried and resumes at the first chunk not written.
      if (isConnectionError(err)) throw err;
      await db.tx((tx) => q.setImportStatus(tx, importId, 'rolling_back', ['writing']));
      await rollBack(imp, ctx, err instanceof Error ? err.message.slice(0, 200) : 'error');
      return;
    }
    await db.tx(async (tx) => {
      await q.setImportStatus(tx, importId, 'done', ['writing']);
      await recordAudit(tx, ctx, { action: 'case_import.done', entity: 'case_import', entityId: importId, meta: { file: imp.file_name, cases: rows.length } });
    });
    if (rows.length >= ANALYZE_FIRST) {
      await peopleService.analyze(db);
      await analyzeCases(db);
    }
  }

  return {
    /**
     * Stores an upload and queues it. Refuses a file that is not UTF-8, and the same file
     * (same SHA-256) as an import already written, unless `again` says it is meant.
     */
    async start(actor: Actor, bytes: Buffer, fileName: string, ctx: AuditContext, options: { again?: boolean } = {}): Promise<ImportView> {
      if (!can(actor, P.import)) throw new AppError('forbidden');
      if (bytes.length === 0) throw new AppError('validation', 'import_rejected', [{ path: 'rows', code: 'no_rows', message: '' }], { count: 1 });
      if (decodeUtf8(bytes) === null) throw new AppError('validation', 'import_rejected', [{ path: 'file', code: 'not_utf8', message: '' }], { count: 1 });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (!options.again) {
        const earlier = await q.earlierImportOf(db, sha256);
        if (earlier) throw new AppError('conflict', 'import_same_file', { fileName: earlier.file_name, finishedAt: new Date(earlier.finished_at).toISOString(), cases: earlier.rows_done }, { file: earlier.file_name, cases: earlier.rows_done });
      }
      const id = randomUUID();
      await db.tx(async (tx) => {
        await q.insertImport(tx, { id, fileName, sha256, content: bytes, createdBy: actor.via === 'cli' ? null : actor.userId, ctx });
        await jobs.enqueue(tx, CASE_IMPORT_JOB, { importId: id });
        await recordAudit(tx, ctx, { action: 'case_import.start', entity: 'case_import', entityId: id, meta: { file: fileName, sha256, bytes: bytes.length, again: Boolean(options.again) } });
      });
      return this.status(actor, id);
    },

    run,

    /** An import's progress and report, for whoever started it (others are told it does not exist). */
    async status(actor: Actor, id: string): Promise<ImportView> {
      const imp = await q.findImport(db, id);
      const mine = imp && (actor.via === 'cli' ? imp.created_by === null : imp.created_by === actor.userId);
      if (!imp || !mine) throw new AppError('not_found');
      return view(imp);
    },
  };
}

export type CaseImporter = ReturnType<typeof createCaseImporter>;
