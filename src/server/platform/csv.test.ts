import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseCsv } from './csv.js';

describe('CSV parsing for imports', () => {
  it('gives each record the line of the file it starts on', () => {
    const text = ['a,b', '1,2', '', '   ', '3,"x', 'y"', '4,5', '', '6,7'].join('\n');
    expect(parseCsv(text, 1000).rows.map((r) => [r.line, r.cells.a])).toEqual([[2, '1'], [5, '3'], [7, '4'], [9, '6']]);
  });

  it('counts Windows line ends the same way', () => {
    const text = ['a,b', '1,2', '', '3,"x', 'y"', '4,5'].join('\r\n');
    expect(parseCsv(text, 1000).rows.map((r) => r.line)).toEqual([2, 4, 6]);
  });

  it('reads the header case-insensitively and marks a row with too many fields', () => {
    const parsed = parseCsv('Child_Name , SEX\nSumi,F\nRakib,M,extra', 1000);
    expect(parsed.columns).toEqual(['child_name', 'sex']);
    expect(parsed.rows.map((r) => r.malformed)).toEqual([false, true]);
  });

  it('accepts UTF-8 (with or without a BOM) and refuses other encodings', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFনাম,sex\n', 'utf8'))).toBe('নাম,sex\n');
    expect(decodeUtf8(Buffer.from('Jos\xe9\n', 'latin1'))).toBeNull();
  });
});
