import { describe, expect, it } from 'vitest';
import { earsC, EARS_DEFAULTS } from './ears.js';

const SD_1_TO_7 = Math.sqrt(28 / 6);
const Z_999 = 3.090232306;

describe('EARS C1-C3', () => {
  it('C1: mean + z sd of the seven weeks before', () => {
    const [r] = earsC([1, 2, 3, 4, 5, 6, 7, 11], [7], EARS_DEFAULTS.C1);
    expect(r!.expected).toBe(4);
    expect(r!.upper).toBeCloseTo(4 + Z_999 * SD_1_TO_7, 6);
    expect(r!.alarm).toBe(true);
  });
  it('C2: the same on the seven weeks before a two-week guard band', () => {
    const [r] = earsC([1, 2, 3, 4, 5, 6, 7, 50, 50, 10], [9], EARS_DEFAULTS.C2);
    expect(r!.expected).toBe(4);
    expect(r!.upper).toBeCloseTo(4 + Z_999 * SD_1_TO_7, 6);
    expect(r!.alarm).toBe(false);
  });
  it('C3: excesses of the two weeks before lower the bound, so a slow rise alerts', () => {
    const base = [10, 12, 9, 11, 10, 12, 9, 11, 10, 12, 9, 11, 10, 12];
    const rising = [...base, 15, 15, 15];
    const [c2] = earsC(rising, [16], EARS_DEFAULTS.C2);
    const [c3] = earsC(rising, [16], { ...EARS_DEFAULTS.C3, alpha: 0.001 });
    expect(c3!.upper).toBeLessThan(c2!.upper);
    const [flat] = earsC(base, [13], { ...EARS_DEFAULTS.C3, alpha: 0.001 });
    expect(flat!.alarm).toBe(false);
  });
  it('refuses a baseline under 3 and judges no week without its baseline', () => {
    expect(() => earsC([1, 2, 3], [2], { ...EARS_DEFAULTS.C1, baseline: 2 })).toThrow('Minimum baseline');
    expect(earsC([1, 2, 3, 4], [3], EARS_DEFAULTS.C1)).toEqual([]);
  });
});
