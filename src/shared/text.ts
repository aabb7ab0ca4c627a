/**
 * The one rule for text the platform stores: no NUL or other C0 control character (tab, line
 * feed and carriage return are text), and well-formed UTF-16 (no unpaired surrogate, which has
 * no UTF-8 form). PostgreSQL refuses NUL outright, and a lone surrogate would be stored as a
 * replacement character, so such text is refused at the boundary, with a field message,
 * instead of failing deep in a query. The API's validator and the CSV imports both use it.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextProblem = 'control_character' | 'unpaired_surrogate';

export function textProblem(text: string): TextProblem | null {
  if (CONTROL.test(text)) return 'control_character';
  if (LONE_SURROGATE.test(text)) return 'unpaired_surrogate';
  return null;
}

/** The first string inside `value` (object keys included) that breaks the rule, with its path. */
export function findUnsafeText(value: unknown, path: Array<string | number> = []): { path: Array<string | number>; problem: TextProblem } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, v] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: [...path, key], problem: keyProblem };
      const found = findUnsafeText(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
