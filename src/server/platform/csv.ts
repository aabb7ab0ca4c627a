import Papa from 'papaparse';
import type { FieldIssue } from './errors.js';

/** CSV files as the importers read them: UTF-8 only, and every record with the line it starts on. */

/** The bytes as text, or null when they are not UTF-8 (a file saved as ANSI would otherwise land as replacement characters). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** Records parsed between two pauses. */
const PAUSE_EVERY = 2000;

export type ParsedRow = { line: number; cells: Record<string, string>; malformed: boolean };

/**
 * Parses CSV with a header, giving each record the file line it starts on, so a report is
 * right after blank lines and quoted fields that span lines (papaparse's row index is not).
 * It pauses every few thousand records so other requests are served meanwhile: on the
 * embedded database a 117,000-row file held everyone for seconds.
 */
export function parseCsv(text: string, maxRows: number): Promise<{ columns: string[]; rows: ParsedRow[]; tooMany: boolean }> {
  const rows: ParsedRow[] = [];
  let columns: string[] = [];
  let scanned = 0;
  let line = 1;
  let start = 0;
  let tooMany = false;
  const lineAt = (offset: number) => {
    for (; scanned < offset; scanned++) if (text.charCodeAt(scanned) === 10) line++;
    return line;
  };
  return new Promise((resolve, reject) => Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
    step: (result, parser) => {
      if (!columns.length) columns = result.meta.fields ?? [];
      // The record starts at its first character that is not the end of a blank line before it.
      let first = start;
      while (first < text.length && /[\r\n\t ]/.test(text[first] as string)) first++;
      // The header's own line end is included when the first record starts: skip it the same way.
      rows.push({ line: lineAt(first), cells: result.data, malformed: result.errors.length > 0 });
      start = result.meta.cursor;
      if (rows.length > maxRows) {
        tooMany = true;
        parser.abort();
      } else if (rows.length % PAUSE_EVERY === 0) {
        parser.pause();
        setImmediate(() => parser.resume());
      }
    },
    complete: () => resolve({ columns, rows, tooMany }),
    error: (err: Error) => reject(err),
    beforeFirstChunk: (chunk) => {
      // Records start after the header line.
      const end = chunk.indexOf('\n');
      start = end === -1 ? chunk.length : end + 1;
      return chunk;
    },
  }));
}


/** A problem with one cell of an imported file, named by the file's line and the column. */
export const rowIssue = (row: number, column: string, code: string, params?: Record<string, unknown>): FieldIssue => ({ path: `rows.${row}.${column}`, code, message: '', params: { row, column, ...params } });
