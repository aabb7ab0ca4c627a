import { describe, expect, it } from 'vitest';
import { NotUtf8, readCsvForCopy, splitCsvRecord } from './csv-chunks.js';

async function* pieces(text: string | Uint8Array, size: number) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function all(text: string | Uint8Array, size: number, chunkBytes: number) {
  const csv = await readCsvForCopy(pieces(text, size), chunkBytes);
  const out: Array<{ text: string; records: number }> = [];
  for await (const c of csv.chunks) out.push({ text: new TextDecoder().decode(c.bytes), records: c.records });
  return { header: csv.header, out };
}

describe('readCsvForCopy', () => {
  it('splits the body only at record boundaries, never inside a quoted field', async () => {
    const text = 'ID,Name\n1,"a\nb"\n2,"c,""d"""\n3,e\n';
    for (const size of [1, 2, 3, 7, 100]) {
      for (const chunkBytes of [1, 5, 1000]) {
        const { header, out } = await all(text, size, chunkBytes);
        expect(header).toEqual(['id', 'name']);
        expect(out.map((c) => c.text).join('')).toBe('1,"a\nb"\n2,"c,""d"""\n3,e\n');
        expect(out.reduce((a, c) => a + c.records, 0)).toBe(3);
        for (const c of out) expect(c.text.endsWith('\n')).toBe(true);
      }
    }
  });

  it('drops a byte-order mark and trailing blank lines, and ends the last record', async () => {
    const { header, out } = await all('\uFEFFa,b\r\n1,2\r\n3,4\r\n\r\n\n', 4, 1000);
    expect(header).toEqual(['a', 'b']);
    expect(out.map((c) => c.text).join('')).toBe('1,2\r\n3,4\n');
    expect(out.reduce((a, c) => a + c.records, 0)).toBe(2);
    const last = await all('a\n1\n2', 1, 1000);
    expect(last.out.map((c) => c.text).join('')).toBe('1\n2\n');
  });

  it('gives a header alone or an empty file no body', async () => {
    expect((await all('a,b', 3, 10)).out).toEqual([]);
    expect((await all('a,b\n', 3, 10)).out).toEqual([]);
    expect((await all('', 3, 10)).header).toEqual([]);
  });

  it('refuses bytes that are not UTF-8, even split across pieces', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('a\nx'), 0xe9, 0x0a]);
    await expect(all(latin1, 1, 1000)).rejects.toBeInstanceOf(NotUtf8);
    // Bangla split mid-character across pieces is fine.
    const { out } = await all('a\nকুড়িগ্রাম\n', 1, 1000);
    expect(out.map((c) => c.text).join('')).toBe('কুড়িগ্রাম\n');
  });
});

describe('splitCsvRecord', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(splitCsvRecord('a,"b,c","d""e",')).toEqual(['a', 'b,c', 'd"e', '']);
  });
});
