/**
 * A deep copy of an API object: plain objects, arrays and primitives, as JSON and YAML bodies decode to.
 * About nine times faster than structuredClone, which serialises through V8's structured-clone format and
 * took a tenth of the server's time on a sync of thousands of objects (docs/PERFORMANCE.md). Anything else
 * (a Date a YAML body's timestamp became, bytes) is left to structuredClone.
 */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copy = cloneJson((value as Record<string, unknown>)[key]);
    // A key "__proto__" (JSON.parse makes one an own property) must stay a key, not become the prototype.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[key] = copy;
  }
  return out as T;
}
