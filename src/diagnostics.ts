/**
 * Problems found in the user's input. Every one says what is wrong, where (file:line and the object), and
 * what to do about it, so that a CI log line is enough to fix the manifest without reading our code.
 */

export interface SourceLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based; absent when only the line is known. */
  column?: number;
}

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable identifier for tests and tooling, e.g. `invalid-sync-wave`. */
  code: string;
  message: string;
  /** What the user should do. */
  hint?: string;
  source?: SourceLocation;
  object?: ObjectRef;
}

export function formatLocation(source: SourceLocation | undefined): string {
  if (!source) return '';
  return source.column ? `${source.file}:${source.line}:${source.column}` : `${source.file}:${source.line}`;
}

export function describeObject(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

/** `file:line: error: Kind ns/name: message. hint` — the shape compilers use, so editors can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d.source);
  const parts = [where ? `${where}: ${d.severity}:` : `${d.severity}:`];
  if (d.object) parts.push(`${describeObject(d.object)}:`);
  parts.push(d.message);
  let text = parts.join(' ');
  if (d.hint) text += ` (${d.hint})`;
  return text;
}

/** Raised when input is invalid: nothing has touched a cluster, and the CLI exits with code 2. */
export class InvalidInputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `${errors.length} error${errors.length === 1 ? '' : 's'} in the input:\n` +
        errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n'),
    );
    this.name = 'InvalidInputError';
    this.diagnostics = diagnostics;
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
