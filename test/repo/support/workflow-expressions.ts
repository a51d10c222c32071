/**
 * The part of the GitHub Actions expression language the shipped workflows use — `${{ … }}` in
 * run and env, and `if:` conditions: property paths (github.…, runner.temp, steps.<id>.outputs.…,
 * steps.<id>.outcome, secrets.…), string literals, == and !=, && and ||, parentheses, startsWith(),
 * always(), success(), failure(). An expression it does not know throws, so a workflow that starts
 * using more fails the test instead of being misread.
 */

/** Values an expression reads. */
export type ExpressionContext = Record<string, unknown> & { status: { failed: boolean } };

type Token = { kind: 'str' | 'name' | 'op' | 'num'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:'((?:[^']|'')*)'|(\d+)|([A-Za-z_][\w.-]*)|(==|!=|&&|\|\||[(),!]))/y;
  let i = 0;
  while (i < source.length) {
    if (/^\s*$/.test(source.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(source);
    if (!m) throw new Error(`expression not understood at "${source.slice(i)}" in: ${source}`);
    if (m[1] !== undefined) tokens.push({ kind: 'str', text: m[1].replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'num', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'name', text: m[3] });
    else tokens.push({ kind: 'op', text: m[4]! });
    i = re.lastIndex;
  }
  return tokens;
}

const truthy = (v: unknown) =>
  !(v === undefined || v === null || v === false || v === '' || v === 0);
const looseEqual = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string'
    ? a.toLowerCase() === b.toLowerCase()
    : (a ?? null) === (b ?? null);

/** Evaluates one expression (without the ${{ }}). */
export function evaluate(source: string, context: ExpressionContext): unknown {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (text?: string) => {
    const t = tokens[pos++];
    if (!t || (text && t.text !== text))
      throw new Error(`expected ${text ?? 'a value'} in: ${source}`);
    return t;
  };
  const functions: Record<string, (args: unknown[]) => unknown> = {
    always: () => true,
    success: () => !context.status.failed,
    failure: () => context.status.failed,
    startswith: ([a, b]) =>
      String(a ?? '')
        .toLowerCase()
        .startsWith(String(b ?? '').toLowerCase()),
  };
  const primary = (): unknown => {
    const t = take();
    if (t.kind === 'str') return t.text;
    if (t.kind === 'num') return Number(t.text);
    if (t.text === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (t.text === '!') return !truthy(primary());
    if (t.kind !== 'name') throw new Error(`unexpected "${t.text}" in: ${source}`);
    if (peek()?.text === '(') {
      const fn = functions[t.text.toLowerCase()];
      if (!fn)
        throw new Error(`function ${t.text}() is not supported by the test's runner: ${source}`);
      take('(');
      const args: unknown[] = [];
      while (peek()?.text !== ')') {
        args.push(or());
        if (peek()?.text === ',') take(',');
      }
      take(')');
      return fn(args);
    }
    if (t.text === 'true' || t.text === 'false') return t.text === 'true';
    return t.text
      .split('.')
      .reduce<unknown>(
        (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
        context,
      );
  };
  const equality = (): unknown => {
    let v = primary();
    while (peek()?.text === '==' || peek()?.text === '!=') {
      const op = take().text;
      const w = primary();
      v = op === '==' ? looseEqual(v, w) : !looseEqual(v, w);
    }
    return v;
  };
  const and = (): unknown => {
    let v = equality();
    while (peek()?.text === '&&') {
      take();
      const w = equality();
      v = truthy(v) ? w : v;
    }
    return v;
  };
  const or = (): unknown => {
    let v = and();
    while (peek()?.text === '||') {
      take();
      const w = and();
      v = truthy(v) ? v : w;
    }
    return v;
  };
  const value = or();
  if (pos !== tokens.length) throw new Error(`unexpected "${tokens[pos]!.text}" in: ${source}`);
  return value;
}

/** Replaces every ${{ … }} in a text by its value. */
export function substitute(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) =>
    String(evaluate(expr.trim(), context) ?? ''),
  );
}

/** Whether an `if:` holds; like GitHub, a condition without a status function implies success(). */
export function condition(source: string | undefined, context: ExpressionContext): boolean {
  if (source === undefined) return !context.status.failed;
  const expr = source.replace(/^\s*\$\{\{([\s\S]*)\}\}\s*$/, '$1').trim();
  const value = truthy(evaluate(expr, context));
  return /\b(always|failure|success|cancelled)\s*\(/.test(expr)
    ? value
    : value && !context.status.failed;
}
