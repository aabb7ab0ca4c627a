import { describe, expect, it } from 'vitest';
import { mergeTrees, NAMESPACES } from './catalogues.js';
import { catalogues, formatDate, formatNumber, translate } from './index.js';

const { en, bn } = catalogues;

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogues', () => {
  it('each module namespace has exactly the same keys in English and Bangla', () => {
    for (const [ns, c] of Object.entries(NAMESPACES)) {
      const enKeys = new Set(keys(c.en));
      expect(keys(c.bn).filter((k) => !enKeys.has(k)), ns).toEqual([]);
      expect([...enKeys].filter((k) => !keys(c.bn).includes(k)), ns).toEqual([]);
    }
  });

  it('refuses a message id that two namespaces define', () => {
    expect(() => mergeTrees({ a: { web: { x: 'one' } }, b: { web: { x: 'two' } } })).toThrow(/web.x is defined by both a and b/);
    expect(() => mergeTrees({ a: { web: { x: 'one' } }, b: { web: { x: { y: 'two' } } } })).toThrow(/also a group/);
    expect(mergeTrees({ a: { web: { x: 'one' } }, b: { web: { y: 'two' } } })).toEqual({ web: { x: 'one', y: 'two' } });
  });

  it('English and Bangla have exactly the same keys', () => {
    const enKeys = new Set(keys(en));
    const bnKeys = new Set(keys(bn));
    expect([...enKeys].filter((k) => !bnKeys.has(k))).toEqual([]);
    expect([...bnKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('Bangla messages are in Bangla script', () => {
    for (const key of keys(bn)) {
      const text = key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], bn) as string;
      expect(/[\u0980-\u09ff]/.test(text), key).toBe(true);
    }
  });

  it('keeps the same {{parameters}} in both languages', () => {
    for (const key of keys(en)) {
      const rawEn = key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], en) as string;
      const rawBn = key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], bn) as string;
      const names = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(rawBn), key).toEqual(names(rawEn));
    }
  });

  it('renders Bangla digits and month names', () => {
    expect(formatNumber('bn', 117000)).toBe('১,১৭,০০০');
    expect(formatNumber('en', 117000)).toBe('117,000');
    expect(formatDate('bn', '2026-11-24T10:00:00Z')).toBe('২৪ নভেম্বর ২০২৬');
    expect(formatDate('en', '2026-11-24T10:00:00Z')).toBe('24 Nov 2026');
    expect(translate('bn', 'validation.too_small_string', { minimum: 10 })).toContain('১০');
  });
});
