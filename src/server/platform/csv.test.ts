import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseCsv } from './csv.js';

describe('CSV parsing for imports', () => {
  it('gives each record the line of the file it starts on', async () => {
    const text = ['a,b', '1,2', '', '   ', '3,"x', 'y"', '4,5', '', '6,7'].join('\n');
    expect((await parseCsv(text, 1000)).rows.map((r) => [r.line, r.cells.a])).toEqual([[2, '1'], [5, '3'], [7, '4'], [9, '6']]);
  });

  it('counts Windows line ends the same way', async () => {
    const text = ['a,b', '1,2', '', '3,"x', 'y"', '4,5'].join('\r\n');
    expect((await parseCsv(text, 1000)).rows.map((r) => r.line)).toEqual([2, 4, 6]);
  });

  it('reads the header case-insensitively and marks a row with too many fields', async () => {
    const parsed = await parseCsv('Child_Name , SEX\nSumi,F\nRakib,M,extra', 1000);
    expect(parsed.columns).toEqual(['child_name', 'sex']);
    expect(parsed.rows.map((r) => r.malformed)).toEqual([false, true]);
  });

  it('reads a long file in pieces, letting other work run between them, every record and line kept', async () => {
    const text = ['a,b', ...Array.from({ length: 10_000 }, (_, i) => (i % 1000 === 0 ? `${i},"x\ny"` : `${i},${i}`))].join('\n');
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    const parsed = await parseCsv(text, 100_000);
    clearInterval(ticking);
    expect(ticks).toBeGreaterThan(0);
    expect(parsed.rows).toHaveLength(10_000);
    // Each thousandth record spans two lines, so the lines after it move by one.
    expect(parsed.rows[1500]!.line).toBe(1500 + 2 + 2);
    expect(parsed.rows[9999]!.cells.a).toBe('9999');
    expect((await parseCsv(text, 5000)).tooMany).toBe(true);
  });

  it('accepts UTF-8 (with or without a BOM) and refuses other encodings', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFনাম,sex\n', 'utf8'))).toBe('নাম,sex\n');
    expect(decodeUtf8(Buffer.from('Jos\xe9\n', 'latin1'))).toBeNull();
  });
});
