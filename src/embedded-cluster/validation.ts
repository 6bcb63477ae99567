/**
 * The API server's validation, as far as it changes what a client sees: required fields, metadata (names,
 * labels, annotations), data keys and sizes, ports, workload selectors that must match their templates,
 * and immutable fields (422 "field is immutable").
 */
import { fieldAt as get } from '../json-fields.js';
import type { StatusCause } from './api/status-errors.js';
import type { Obj } from './object-store.js';
import type { ResourceType } from './resource-types.js';
import { configMapCauses, containerPortCauses, secretCauses, servicePortCauses } from './validation-data.js';
import { labelCauses, objectMetaCauses } from './validation-meta.js';
import { cloneJson } from './clone.js';

type Rec = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function goMap(v: unknown): string {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (Object.values(v as Rec).some((x) => typeof x === 'object' && x !== null)) return JSON.stringify(v);
  return `map[string]string{${Object.entries(v as Rec)
    .map(([k, x]) => `"${k}":"${String(x)}"`)
    .join(', ')}}`;
}

function podSpecCauses(spec: unknown, prefix: string): StatusCause[] {
  const causes: StatusCause[] = containerPortCauses(spec, prefix);
  const containers = get(spec, 'containers');
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push({ reason: 'FieldValueRequired', field: `${prefix}.containers`, message: 'Required value' });
    return causes;
  }
  for (const list of ['initContainers', 'containers']) {
    const items = get(spec, list);
    if (!Array.isArray(items)) continue;
    items.forEach((c: Rec, i) => {
      if (!c?.name)
        causes.push({
          reason: 'FieldValueRequired',
          field: `${prefix}.${list}[${i}].name`,
          message: 'Required value',
        });
      if (!c?.image)
        causes.push({
          reason: 'FieldValueRequired',
          field: `${prefix}.${list}[${i}].image`,
          message: 'Required value',
        });
    });
  }
  return causes;
}

function selectorMatchesTemplate(obj: Obj): StatusCause[] {
  const selector = get(obj, 'spec.selector') as { matchLabels?: Rec } | undefined;
  if (!selector) return [{ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' }];
  const labels = (get(obj, 'spec.template.metadata.labels') ?? {}) as Rec;
  const ok = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  return ok
    ? []
    : [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.template.metadata.labels',
          message: `Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``,
        },
      ];
}

/** Problems with a new or updated object on its own. */
export function validateObject(type: ResourceType, obj: Obj): StatusCause[] {
  const causes = objectMetaCauses(type, obj.metadata as unknown as Rec);
  const template = get(obj, 'spec.template.metadata.labels');
  if (template) causes.push(...labelCauses(template, 'spec.template.metadata.labels'));
  switch (`${type.group}/${type.kind}`) {
    case '/ConfigMap':
      causes.push(...configMapCauses(obj));
      break;
    case '/Secret':
      causes.push(...secretCauses(obj));
      break;
    case '/Pod':
      causes.push(...podSpecCauses(obj.spec, 'spec'));
      break;
    case 'batch/Job': {
      causes.push(...podSpecCauses(get(obj, 'spec.template.spec'), 'spec.template.spec'));
      const rp = get(obj, 'spec.template.spec.restartPolicy');
      if (rp !== 'Never' && rp !== 'OnFailure') {
        causes.push({
          reason: 'FieldValueNotSupported',
          field: 'spec.template.spec.restartPolicy',
          message: `Unsupported value: "${String(rp)}": supported values: "OnFailure", "Never"`,
        });
      }
      break;
    }
    case 'apps/Deployment':
    case 'apps/ReplicaSet':
    case 'apps/StatefulSet':
    case 'apps/DaemonSet':
      causes.push(...selectorMatchesTemplate(obj));
      causes.push(...podSpecCauses(get(obj, 'spec.template.spec'), 'spec.template.spec'));
      break;
    case '/Service': {
      const type_ = get(obj, 'spec.type');
      const ports = get(obj, 'spec.ports');
      if (
        type_ !== 'ExternalName' &&
        get(obj, 'spec.clusterIP') !== 'None' &&
        (!Array.isArray(ports) || ports.length === 0)
      ) {
        causes.push({ reason: 'FieldValueRequired', field: 'spec.ports', message: 'Required value' });
      }
      causes.push(...servicePortCauses(obj.spec));
      break;
    }
    case 'apiextensions.k8s.io/CustomResourceDefinition': {
      const group = get(obj, 'spec.group');
      const plural = get(obj, 'spec.names.plural');
      if (!group)
        causes.push({ reason: 'FieldValueRequired', field: 'spec.group', message: 'Required value' });
      if (!plural)
        causes.push({ reason: 'FieldValueRequired', field: 'spec.names.plural', message: 'Required value' });
      if (!get(obj, 'spec.names.kind'))
        causes.push({ reason: 'FieldValueRequired', field: 'spec.names.kind', message: 'Required value' });
      if (group && plural && obj.metadata.name !== `${String(plural)}.${String(group)}`) {
        causes.push({
          reason: 'FieldValueInvalid',
          field: 'metadata.name',
          message: `Invalid value: "${obj.metadata.name}": must be spec.names.plural+"."+spec.group`,
        });
      }
      const versions = get(obj, 'spec.versions');
      if (!Array.isArray(versions) || versions.length === 0) {
        causes.push({ reason: 'FieldValueRequired', field: 'spec.versions', message: 'Required value' });
      }
      break;
    }
  }
  return causes;
}

function immutable(field: string, value: unknown): StatusCause {
  const shown = typeof value === 'object' ? goMap(value) : JSON.stringify(value);
  return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${shown}: field is immutable` };
}

const POD_MUTABLE = new Set([
  'containers',
  'initContainers',
  'activeDeadlineSeconds',
  'tolerations',
  'terminationGracePeriodSeconds',
]);

/** Fields that may not change once the object exists. */
export function validateUpdate(type: ResourceType, previous: Obj, next: Obj): StatusCause[] {
  const causes: StatusCause[] = [];
  const check = (path: string) => {
    if (!same(get(previous, path), get(next, path))) causes.push(immutable(path, get(next, path)));
  };
  switch (`${type.group}/${type.kind}`) {
    case 'batch/Job':
      check('spec.selector');
      check('spec.template');
      check('spec.completionMode');
      break;
    case 'apps/Deployment':
    case 'apps/ReplicaSet':
    case 'apps/StatefulSet':
    case 'apps/DaemonSet':
      check('spec.selector');
      break;
    case '/Service':
      if (get(previous, 'spec.clusterIP') && get(next, 'spec.clusterIP') !== undefined)
        check('spec.clusterIP');
      break;
    case '/Pod': {
      // Only images (and a few scheduling knobs) may change on a running pod.
      const rest = (o: Obj) => {
        const spec = { ...((o.spec as Rec) ?? {}) };
        for (const k of POD_MUTABLE) delete spec[k];
        return spec;
      };
      const withoutImages = (list: unknown) =>
        Array.isArray(list) ? (list as Rec[]).map((c) => ({ ...c, image: undefined })) : list;
      const changed =
        !same(rest(previous), rest(next)) ||
        !same(withoutImages(get(previous, 'spec.containers')), withoutImages(get(next, 'spec.containers'))) ||
        !same(
          withoutImages(get(previous, 'spec.initContainers')),
          withoutImages(get(next, 'spec.initContainers')),
        );
      if (changed) {
        causes.push({
          reason: 'FieldValueForbidden',
          field: 'spec',
          message:
            'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        });
      }
      break;
    }
    case '/ConfigMap':
    case '/Secret':
      if (previous.immutable === true) {
        for (const f of ['data', 'binaryData', 'stringData']) {
          if (!same(previous[f], next[f])) {
            causes.push({
              reason: 'FieldValueForbidden',
              field: f,
              message: 'Forbidden: field is immutable when `immutable` is set',
            });
          }
        }
      }
      break;
    case '/PersistentVolumeClaim': {
      const strip = (o: Obj) => {
        const s = cloneJson((o.spec as Rec) ?? {});
        delete (s.resources as Rec | undefined)?.requests;
        delete s.volumeName;
        return s;
      };
      if (!same(strip(previous), strip(next))) {
        causes.push({
          reason: 'FieldValueForbidden',
          field: 'spec',
          message:
            'Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
        });
      }
      break;
    }
  }
  return causes;
}
