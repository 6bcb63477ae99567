/**
 * Values as the API server's Go code prints them in error messages, and the decoders whose error positions
 * those messages carry (base64, resource quantities).
 */

/** What Go's JSON decoder calls a JSON value's kind in `json: cannot unmarshal <kind> …`. */
export function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

/** The Go kind of a value decoded into `interface{}` with ints preserved (int64, float64, …). */
export function goKind(value: unknown): string {
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  return 'map';
}

/** Go's `%g` for a float64. */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const s = String(n);
    return s.length > 21 ? n.toExponential().replace(/e\+?(-?)(\d)$/, 'e$1+0$2') : s;
  }
  const exp = n.toExponential();
  const e = Number(exp.split('e')[1]);
  if (e < -4 || e >= 21) return exp.replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

/** Go's `%v`/`%+v` of a value decoded into `interface{}`: `map[a:1 b:[x y]]`, keys sorted. */
export function goPrint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `map[${entries.map(([k, v]) => `${k}:${goPrint(v)}`).join(' ')}]`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : goFloat(value);
  return String(value);
}

/** Go's `%#v` of a value as structured-merge-diff holds it: `&value.valueUnstructured{Value:8080}`. */
export function goValueUnstructured(value: unknown): string {
  return `&value.valueUnstructured{Value:${goSyntax(value)}}`;
}

function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `map[string]interface {}{${entries.map(([k, v]) => `${JSON.stringify(k)}:${goSyntax(v)}`).join(', ')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : goFloat(value);
  return String(value);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Where Go's `base64.StdEncoding` first fails on the text (padding required, `\r` and `\n` skipped), or
 * undefined when it decodes: the N of `illegal base64 data at input byte N`. Go's quantum decoder, step
 * for step, so that the offset is the one a real API server reports.
 */
export function base64ErrorOffset(text: string): number | undefined {
  const newline = (c: string | undefined) => c === '\n' || c === '\r';
  let si = 0;
  for (;;) {
    for (let j = 0; j < 4; j++) {
      if (si === text.length) return j === 0 ? undefined : si - j;
      const c = text[si]!;
      si++;
      if (B64.includes(c)) continue;
      if (newline(c)) {
        j--;
        continue;
      }
      if (c !== '=' || j < 2) return si - 1;
      if (j === 2) {
        while (si < text.length && newline(text[si])) si++;
        if (si === text.length) return text.length;
        if (text[si] !== '=') return si - 1;
        si++;
      }
      while (si < text.length && newline(text[si])) si++;
      return si < text.length ? si : undefined;
    }
  }
}

const QUANTITY_FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_SUFFIXES = new Set([
  '',
  'Ki',
  'Mi',
  'Gi',
  'Ti',
  'Pi',
  'Ei',
  'n',
  'u',
  'm',
  'k',
  'M',
  'G',
  'T',
  'P',
  'E',
]);

/** resource.ParseQuantity's complaint about the text, or undefined for a valid quantity. */
export function quantityError(text: string): string | undefined {
  const m = QUANTITY_FORMAT.exec(text.trim());
  if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1]!)) {
    return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  }
  const suffix = m[2]!;
  if (QUANTITY_SUFFIXES.has(suffix) || /^[eE][-+]?\d+$/.test(suffix)) return undefined;
  return "unable to parse quantity's suffix";
}
