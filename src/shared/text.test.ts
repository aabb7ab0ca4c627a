import { describe, expect, it } from 'vitest';
import { findUnsafeText, textProblem } from './text.js';

describe('the stored-text rule', () => {
  it('accepts text in any script, with tabs, line breaks and emoji', () => {
    for (const ok of ['মোছাঃ সুমি আক্তার', 'Sumi Akhter', 'line one\nline two\r\n\tindented', '👧🏽 ok', '']) expect(textProblem(ok), ok).toBeNull();
  });
  it('refuses NUL and other control characters, and unpaired surrogates', () => {
    expect(textProblem('a\u0000b')).toBe('control_character');
    expect(textProblem('bell\u0007')).toBe('control_character');
    expect(textProblem('\ud800')).toBe('unpaired_surrogate');
    expect(textProblem('x\udfffy')).toBe('unpaired_surrogate');
    expect(textProblem('\udc00\ud800')).toBe('unpaired_surrogate');
  });
  it('finds the first bad string anywhere in a body, keys included, with its path', () => {
    expect(findUnsafeText({ child: { names: [{ text: 'ok' }, { text: 'bad\u0000' }] } })).toEqual({ path: ['child', 'names', 1, 'text'], problem: 'control_character' });
    expect(findUnsafeText({ ['k\ud800']: 1 })).toEqual({ path: ['k\ud800'], problem: 'unpaired_surrogate' });
    expect(findUnsafeText({ a: 1, b: [true, null, 'fine'] })).toBeNull();
  });
});
