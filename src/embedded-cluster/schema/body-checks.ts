/**
 * The schema checks of a write, per the way the body arrived, answered as the API server answers them:
 * - POST/PUT bodies are decoded: a type error is 400 `<Kind> in version "v1" cannot be handled as a
 *   <Kind>: json: cannot unmarshal …`; unknown fields are refused (Strict, 400), reported in `Warning`
 *   headers (Warn, the server's default) or dropped silently (Ignore); they are dropped in every case.
 * - merge and JSON patches: the patched object is decoded the same way, but a failure is 422 `Invalid` on
 *   the field `patch` with the patched object as the value; strategic merge patches are converted from
 *   their merged map instead (other wording), with the patch as the value.
 * - server-side apply: the configuration is typed by structured-merge-diff; any type error or undeclared
 *   field is 500 `failed to create typed patch object (…)` (upstream's answer, whatever fieldValidation).
 * Custom resources are not checked: their schemas are the CRD's, which the embedded cluster does not read.
 */
import { ApiError, type StatusCause } from '../api/status-errors.js';
import type { Obj } from '../object-store.js';
import type { ResourceType } from '../resource-types.js';
import { goPrint } from './go-values.js';
import { decodeAs, dropUnknownFields } from './json-decode.js';
import { rootModel } from './model-types.js';
import { typedApplyErrors } from './typed-apply.js';
import { convertAs } from './unstructured-convert.js';

export type BodySource =
  | { via: 'body' }
  | { via: 'merge-patch' }
  | { via: 'strategic-merge-patch'; patch: unknown }
  | { via: 'apply' };

export interface SchemaCheckOptions {
  /** Strict, Warn or Ignore; absent means Warn, the API server's default. */
  fieldValidation?: string;
  /** Collected `Warning:` header texts. */
  warnings?: string[];
}

function strictText(unknown: readonly string[]): string {
  return `strict decoding error: ${unknown.map((p) => `unknown field "${p}"`).join(', ')}`;
}

/** 422 on the request as a whole (no kind, no name), as patch failures are reported. */
function invalidPatch(value: string, detail: string): ApiError {
  const body = `Invalid value: ${JSON.stringify(value)}: ${detail}`;
  const cause: StatusCause = { reason: 'FieldValueInvalid', message: body, field: 'patch' };
  return new ApiError(422, 'Invalid', ` "" is invalid: patch: ${body}`, {
    name: '',
    group: '',
    kind: '',
    causes: [cause],
  });
}

function undecodable(type: ResourceType, detail: string): ApiError {
  return new ApiError(
    400,
    'BadRequest',
    `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${detail}`,
  );
}

/**
 * Checks `obj` (the body, or the object a patch produced) against the kind's Go types; throws what the
 * API server would answer, pushes warnings, and drops unknown fields from `obj`.
 */
export function checkAgainstSchema(
  type: ResourceType,
  obj: Obj,
  source: BodySource,
  options: SchemaCheckOptions,
): void {
  const model = rootModel(type);
  if (!model) return;
  const validation = options.fieldValidation ?? 'Warn';
  if (source.via === 'apply') {
    const errors = typedApplyErrors(model, obj);
    if (errors) {
      const ns = obj.metadata?.namespace ?? '';
      const name = obj.metadata?.name ?? '';
      throw new ApiError(
        500,
        '',
        `failed to create typed patch object (${ns}/${name}; ${type.group}/${type.version}, Kind=${type.kind}): ${errors}`,
      );
    }
    return;
  }
  let error: string | undefined;
  let unknown: string[];
  if (source.via === 'strategic-merge-patch') ({ error, unknown } = convertAs(model, obj));
  else ({ error, unknown } = decodeAs(model, obj));
  const patchValue = () =>
    source.via === 'strategic-merge-patch' ? goPrint(source.patch) : JSON.stringify(obj);
  if (error) {
    if (source.via === 'body') throw undecodable(type, error);
    throw invalidPatch(patchValue(), error);
  }
  if (unknown.length && validation === 'Strict') {
    if (source.via === 'body') throw undecodable(type, strictText(unknown));
    throw invalidPatch(patchValue(), strictText(unknown));
  }
  if (unknown.length && validation === 'Warn')
    for (const path of unknown) options.warnings?.push(`unknown field "${path}"`);
  if (unknown.length) dropUnknownFields(model, obj);
}
