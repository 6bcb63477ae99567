/**
 * ObjectMeta validation as the API server does it for every kind: the name in the format the kind's
 * validation uses (RFC 1123 subdomain for most, an RFC 1123 label for Namespaces, RFC 1035 for Services,
 * path segments for RBAC and custom resources), label keys and values, annotation keys and their total
 * size. Pod templates' labels are checked the same way.
 */
import type { StatusCause } from './api/status-errors.js';
import type { ResourceType } from './resource-types.js';
import {
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isLabelValue,
  isQualifiedName,
  isValidPathSegmentName,
} from './validation-formats.js';

type Rec = Record<string, unknown>;

/** metav1's TotalAnnotationSizeLimitB: keys and values together. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

export function invalidCause(field: string, value: unknown, detail: string): StatusCause {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${shown}: ${detail}` };
}

export function tooLongCause(field: string, maxBytes: number): StatusCause {
  return { reason: 'FieldValueTooLong', field, message: `Too long: may not be more than ${maxBytes} bytes` };
}

function nameFormat(type: ResourceType): (name: string) => string[] {
  if (type.fromCrd || type.group === 'rbac.authorization.k8s.io') return isValidPathSegmentName;
  if (type.group === '' && type.kind === 'Namespace') return isDns1123Label;
  if (type.group === '' && type.kind === 'Service') return isDns1035Label;
  return isDns1123Subdomain;
}

/** A Job's name becomes a label value of its pods; a CronJob's gets a suffix of 11 characters. */
const NAME_LIMITS: Readonly<Record<string, number>> = { 'batch/Job': 63, 'batch/CronJob': 52 };

export function nameCauses(type: ResourceType, name: string): StatusCause[] {
  if (type.group === 'apiextensions.k8s.io') return [];
  const causes = nameFormat(type)(name).map((m) => invalidCause('metadata.name', name, m));
  const limit = NAME_LIMITS[`${type.group}/${type.kind}`];
  if (causes.length === 0 && limit !== undefined && name.length > limit)
    causes.push(invalidCause('metadata.name', name, `must be no more than ${limit} characters`));
  return causes;
}

export function labelCauses(labels: unknown, field: string): StatusCause[] {
  if (typeof labels !== 'object' || labels === null) return [];
  const causes: StatusCause[] = [];
  for (const [key, value] of Object.entries(labels as Rec)) {
    for (const m of isQualifiedName(key)) causes.push(invalidCause(field, key, m));
    for (const m of isLabelValue(String(value ?? ''))) causes.push(invalidCause(field, value, m));
  }
  return causes;
}

export function annotationCauses(annotations: unknown, field: string): StatusCause[] {
  if (typeof annotations !== 'object' || annotations === null) return [];
  const causes: StatusCause[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(annotations as Rec)) {
    for (const m of isQualifiedName(key.toLowerCase())) causes.push(invalidCause(field, key, m));
    size += Buffer.byteLength(key) + Buffer.byteLength(String(value ?? ''));
  }
  if (size > ANNOTATIONS_MAX_BYTES) causes.push(tooLongCause(field, ANNOTATIONS_MAX_BYTES));
  return causes;
}

/** The checks of an object's own metadata. */
export function objectMetaCauses(type: ResourceType, metadata: Rec): StatusCause[] {
  return [
    ...nameCauses(type, String(metadata.name ?? '')),
    ...labelCauses(metadata.labels, 'metadata.labels'),
    ...annotationCauses(metadata.annotations, 'metadata.annotations'),
  ];
}
