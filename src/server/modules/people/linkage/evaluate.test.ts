import { describe, expect, it } from 'vitest';
import { evaluatePairs } from './evaluate.js';

describe('pairwise evaluation', () => {
  it('counts pairs through cluster sizes', () => {
    // Truth: {1,2,3} {4,5}; predicted: {1,2} {3,4,5}.
    const rows = [['a', 'x'], ['a', 'x'], ['b', 'x'], ['b', 'y'], ['b', 'y']].map(([predicted, truth]) => ({ predicted: predicted!, truth: truth! }));
    const e = evaluatePairs(rows);
    expect(e.truePairs).toBe(4);
    expect(e.predictedPairs).toBe(4);
    expect(e.correctPairs).toBe(2);
    expect(e.precision).toBe(0.5);
    expect(e.recall).toBe(0.5);
    expect(e.f1).toBe(0.5);
  });

  it('answers 1 where there is nothing to find', () => {
    expect(evaluatePairs([{ predicted: 'a', truth: 'x' }]).f1).toBe(1);
  });
});
