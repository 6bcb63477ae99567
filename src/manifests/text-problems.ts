/**
 * Files that are not manifests as written, said plainly: a binary file, an unrendered Helm template, and
 * the YAML mistakes whose parser wording ("duplicated mapping key", "unidentified alias") does not say
 * what to change.
 */
import type { Diagnostic } from '../diagnostics.js';

/** A file with NUL bytes is not text: no parser message about it would help. */
export function binaryFileProblem(text: string, file: string): Diagnostic | undefined {
  if (!text.includes('\u0000')) return undefined;
  return {
    severity: 'error',
    code: 'not-text',
    message: 'the file is binary, not a YAML or JSON manifest (it holds NUL bytes)',
    hint: 'remove it from the manifests path, or name only the folders and files that hold manifests',
    source: { file, line: 1 },
  };
}

/** The first line holding a Go template action (`{{ .Values.x }}`, `{{- if … }}`), 1-based. */
export function templateLine(text: string): number | undefined {
  const match = /\{\{-?\s*(?:[.$]|if\b|range\b|with\b|end\b|include\b|template\b|define\b|toYaml\b|-)/.exec(
    text,
  );
  return match ? text.slice(0, match.index).split('\n').length : undefined;
}

const TEMPLATE_HINT =
  'this is a Helm template: render it first (helm template <release> <chart> > rendered.yaml) and point hook-sync at the output';

/**
 * The message, hint and place of a file the parser refused. A `.json` file JSON refused too gets JSON's
 * own message when it says where (Node's does: "… (line 4 column 3)").
 */
export function explainSyntaxError(
  reason: string,
  text: string,
  line: number,
  column: number,
  jsonError?: unknown,
): { message: string; hint: string; line: number; column: number } {
  const position = jsonError instanceof SyntaxError ? / at position (\d+)/.exec(jsonError.message) : null;
  if (jsonError instanceof SyntaxError && position) {
    const before = text.slice(0, Number(position[1])).split('\n');
    return {
      message: `invalid JSON: ${jsonError.message.replace(/ in JSON at position \d+.*$/, '')}`,
      hint: 'fix the syntax at this line and column',
      line: before.length,
      column: before[before.length - 1]!.length + 1,
    };
  }
  const template = templateLine(text);
  if (template !== undefined)
    return {
      message: `the file is a template, not a manifest: template code ({{ … }}) at this line is not YAML (${reason})`,
      hint: TEMPLATE_HINT,
      line: template,
      column: 1,
    };
  const explained = explainYamlError(reason, text, line, column);
  return { message: `invalid YAML: ${explained.reason}`, hint: explained.hint, line, column };
}

function explainYamlError(
  reason: string,
  text: string,
  line: number,
  column: number,
): { reason: string; hint: string } {
  if (/^duplicated mapping key/.test(reason)) {
    const key = /^\s*(?:- )?["']?([^"':]+)["']?\s*:/.exec(
      text.split(/\r?\n/)[line - 1]?.slice(column - 1) ?? '',
    );
    return {
      reason: key ? `duplicated mapping key "${key[1]!.trim()}" (written twice in one mapping)` : reason,
      hint: 'keep one of them (the API server refuses duplicate keys too)',
    };
  }
  if (/^unidentified alias/.test(reason))
    return {
      reason,
      hint: 'an alias (*name) must come after its anchor (&name) in the same document: anchors do not carry across "---"',
    };
  if (/tab characters must not be used in indentation/.test(reason))
    return { reason, hint: 'indent with spaces: YAML does not allow tabs there' };
  return { reason, hint: 'fix the syntax at this line and column' };
}
