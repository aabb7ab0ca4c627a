/**
 * A tiny SQL builder: a tagged template that keeps values as bind parameters and lets
 * fragments (such as the access layer's scope predicate) nest inside other statements.
 * Nothing is ever interpolated into the text, so composed queries stay injection-safe.
 */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
    /** Prepare once per connection and reuse the plan (see `prepared`). */
    readonly prepare = false,
  ) {}

  /** Renders to `$1, $2 ...` numbered text and a flat parameter list. */
  toQuery(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = render(this, values);
    return { text, values };
  }
}

function render(fragment: Sql, values: unknown[]): string {
  let text = fragment.strings[0] ?? '';
  fragment.values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += render(value, values);
    } else if (value instanceof RawSql) {
      text += value.text;
    } else {
      values.push(value);
      text += `$${values.length}`;
    }
    text += fragment.strings[i + 1] ?? '';
  });
  return text;
}

/** Trusted SQL text (identifiers chosen by code, never by input). */
export class RawSql {
  constructor(readonly text: string) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  // A tagged template keeps an invalid escape (such as \1) as undefined: the text around it would vanish.
  if (strings.some((s) => s === undefined)) throw new Error(`Invalid escape in SQL text near: ${strings.raw.find((_, i) => strings[i] === undefined)?.slice(0, 80)}`);
  return new Sql(strings, values);
}

/**
 * Marks a hot statement to be prepared once per pooled connection, so PostgreSQL parses and
 * plans it once instead of on every call (planning the case file cost more than running it).
 * Only for statements whose text does not grow with the data (a VALUES list per row would
 * leave a prepared statement per length on every connection), and whose best plan does not
 * depend on the parameter values (not fuzzy searches).
 */
export function prepared(statement: Sql): Sql {
  return new Sql(statement.strings, statement.values, true);
}

/** Inserts trusted text such as a column name picked from a fixed list. */
export function raw(text: string): RawSql {
  return new RawSql(text);
}

/** Joins fragments with a separator, e.g. `join(preds, ' OR ')`. */
export function join(parts: readonly Sql[], separator: string): Sql {
  if (parts.length === 0) return sql``;
  const strings: string[] = [''];
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    values.push(part);
    strings.push(i === parts.length - 1 ? '' : separator);
  });
  return new Sql(strings, values);
}

export const TRUE = sql`TRUE`;
export const FALSE = sql`FALSE`;
