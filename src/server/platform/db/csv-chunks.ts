import type { CopyChunk } from './copy.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

export class NotUtf8 extends Error {
  constructor(readonly record: number) {
    super(`not UTF-8 (near record ${record})`);
  }
}

/** The fields of one CSV record (RFC 4180 quoting), without its line end. */
export function splitCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export type CsvForCopy = {
  /** The header's column names, trimmed and lower-cased. */
  header: string[];
  /** The body in pieces that each end at a record boundary (a line end outside quotes), checked as UTF-8. */
  chunks: AsyncGenerator<CopyChunk>;
  /** Bytes read from the source so far (for a progress bar). */
  bytesRead(): number;
};

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Walks bytes from a quote state: every line end outside quotes ends a record (RFC 4180: a
 * doubled quote toggles twice). The quote state after, the records ended, and the offset just
 * past the last (or the first, with `first`) record end; -1 when none.
 */
function scan(bytes: Uint8Array, quoted: boolean, first = false): { quoted: boolean; records: number; end: number } {
  let records = 0;
  let end = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === LF && !quoted) {
      records++;
      end = i + 1;
      if (first) break;
    }
  }
  return { quoted, records, end };
}

/**
 * Reads a CSV stream for COPY: the header record apart (a byte-order mark dropped), then the
 * body cut into chunks of about `chunkBytes` at record boundaries, so a quoted field that spans
 * lines is never split; trailing blank lines are dropped and a missing final line end added.
 * Every byte is checked as UTF-8 on the way (a file saved as ANSI is refused, not stored as
 * replacement characters).
 */
export async function readCsvForCopy(source: AsyncIterable<Uint8Array>, chunkBytes = 8 << 20): Promise<CsvForCopy> {
  const it = source[Symbol.asyncIterator]();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let read = 0;
  let records = 0;
  let quoted = false;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  /** Within the pending bytes: the offset just past the last boundary, and the records before it. */
  let boundary = -1;
  let recordsToBoundary = 0;
  let done = false;

  async function pull(): Promise<boolean> {
    const next = await it.next();
    if (next.done) {
      done = true;
      try {
        decoder.decode();
      } catch {
        throw new NotUtf8(records + 1);
      }
      return false;
    }
    const buf = next.value;
    try {
      decoder.decode(buf, { stream: true });
    } catch {
      throw new NotUtf8(records + recordsToBoundary + 1);
    }
    const s = scan(buf, quoted);
    quoted = s.quoted;
    if (s.records) {
      boundary = pendingLength + s.end;
      recordsToBoundary += s.records;
    }
    read += buf.length;
    pending.push(buf);
    pendingLength += buf.length;
    return true;
  }

  /** Takes the pending bytes up to the last boundary. */
  function take(): CopyChunk {
    const whole = concat(pending, pendingLength);
    const bytes = whole.subarray(0, boundary);
    const rest = whole.subarray(boundary);
    const n = recordsToBoundary;
    pending = rest.length ? [rest] : [];
    pendingLength = rest.length;
    boundary = -1;
    recordsToBoundary = 0;
    return { bytes, records: n };
  }

  // The header: everything up to the first boundary.
  while (boundary < 0 && (await pull()));
  const whole = concat(pending, pendingLength);
  const headerEnd = boundary < 0 ? whole.length : scan(whole, false, true).end;
  const headerBytes = whole.subarray(0, headerEnd);
  // Records past the header were counted with it: count the rest again.
  const rest = whole.subarray(headerEnd);
  const after = scan(rest, false);
  pending = rest.length ? [rest] : [];
  pendingLength = rest.length;
  quoted = after.quoted;
  boundary = after.end;
  recordsToBoundary = after.records;
  let start = 0;
  if (BOM.every((b, i) => headerBytes[i] === b)) start = 3;
  const headerText = new TextDecoder().decode(headerBytes.subarray(start)).replace(/\r?\n$/, '');
  const header = headerText.trim() === '' ? [] : splitCsvRecord(headerText).map((h) => h.trim().toLowerCase());

  async function* chunks(): AsyncGenerator<CopyChunk> {
    for (;;) {
      while (!done && (pendingLength < chunkBytes || boundary < 0)) await pull();
      if (!done) {
        const c = take();
        records += c.records;
        if (c.records) yield c;
        continue;
      }
      // The end: drop trailing blank lines, end the last record with a line end.
      const tail = concat(pending, pendingLength);
      let end = tail.length;
      while (end > 0 && (tail[end - 1] === LF || tail[end - 1] === CR || tail[end - 1] === 0x20)) end--;
      pending = [];
      pendingLength = 0;
      if (end === 0) return;
      const body = new Uint8Array(end + 1);
      body.set(tail.subarray(0, end));
      body[end] = LF;
      const n = scan(body, false).records;
      records += n;
      yield { bytes: body, records: n };
      return;
    }
  }

  return { header, chunks: chunks(), bytesRead: () => read };
}
