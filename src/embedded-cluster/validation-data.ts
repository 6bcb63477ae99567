/**
 * The API server's checks of ConfigMap and Secret data and of ports: keys in the config-key format, at most
 * 1 MiB of data (decoded bytes) per object, container, host and Service ports in 1–65535, named ports as
 * IANA service names, node ports in the default range.
 */
import type { StatusCause } from './api/status-errors.js';
import { invalidCause, tooLongCause } from './validation-meta.js';
import { isConfigMapKey, isValidPortName, isValidPortNum } from './validation-formats.js';

type Rec = Record<string, unknown>;

/** core.MaxSecretSize: the limit for a ConfigMap's or a Secret's data. */
export const MAX_DATA_BYTES = 1024 * 1024;

const NODE_PORT_RANGE = [30000, 32767] as const;

function entries(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.entries(value as Rec)
    : [];
}

function base64Length(text: string): number {
  return Buffer.from(text, 'base64').length;
}

export function configMapCauses(obj: Rec): StatusCause[] {
  const causes: StatusCause[] = [];
  let size = 0;
  const data = entries(obj.data);
  for (const [key, value] of data) {
    for (const m of isConfigMapKey(key)) causes.push(invalidCause(`data[${key}]`, key, m));
    size += Buffer.byteLength(String(value ?? ''));
  }
  const keys = new Set(data.map(([k]) => k));
  for (const [key, value] of entries(obj.binaryData)) {
    for (const m of isConfigMapKey(key)) causes.push(invalidCause(`binaryData[${key}]`, key, m));
    if (keys.has(key))
      causes.push(invalidCause(`binaryData[${key}]`, key, 'duplicate of key present in data'));
    size += base64Length(String(value ?? ''));
  }
  // Upstream reports the whole object's size on an empty path, which prints as "[]".
  if (size > MAX_DATA_BYTES) causes.push(tooLongCause('[]', MAX_DATA_BYTES));
  return causes;
}

export function secretCauses(obj: Rec): StatusCause[] {
  const causes: StatusCause[] = [];
  let size = 0;
  for (const [key, value] of entries(obj.data)) {
    for (const m of isConfigMapKey(key)) causes.push(invalidCause(`data[${key}]`, key, m));
    size += base64Length(String(value ?? ''));
  }
  if (size > MAX_DATA_BYTES) causes.push(tooLongCause('data', MAX_DATA_BYTES));
  return causes;
}

function portNumberCauses(field: string, value: unknown): StatusCause[] {
  if (typeof value !== 'number') return [];
  return isValidPortNum(value).map((m) => invalidCause(field, value, m));
}

/** The ports of a pod spec's containers (`prefix` is where the pod spec sits: `spec.template.spec`). */
export function containerPortCauses(podSpec: unknown, prefix: string): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const list of ['initContainers', 'containers']) {
    const containers = (podSpec as Rec | undefined)?.[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((c: Rec | null, i) => {
      const ports = c?.ports;
      if (!Array.isArray(ports)) return;
      ports.forEach((p: Rec | null, j) => {
        const at = `${prefix}.${list}[${i}].ports[${j}]`;
        if (typeof p?.name === 'string' && p.name)
          causes.push(...isValidPortName(p.name).map((m) => invalidCause(`${at}.name`, p.name, m)));
        if (p?.containerPort === undefined || p.containerPort === 0)
          causes.push({
            reason: 'FieldValueRequired',
            field: `${at}.containerPort`,
            message: 'Required value',
          });
        else causes.push(...portNumberCauses(`${at}.containerPort`, p.containerPort));
        if (p?.hostPort) causes.push(...portNumberCauses(`${at}.hostPort`, p.hostPort));
      });
    });
  }
  return causes;
}

export function servicePortCauses(spec: unknown): StatusCause[] {
  const causes: StatusCause[] = [];
  const ports = (spec as Rec | undefined)?.ports;
  if (!Array.isArray(ports)) return causes;
  ports.forEach((p: Rec | null, i) => {
    const at = `spec.ports[${i}]`;
    causes.push(...portNumberCauses(`${at}.port`, p?.port));
    const target = p?.targetPort;
    if (typeof target === 'number' && target !== 0)
      causes.push(...portNumberCauses(`${at}.targetPort`, target));
    if (typeof target === 'string')
      causes.push(...isValidPortName(target).map((m) => invalidCause(`${at}.targetPort`, target, m)));
    const nodePort = p?.nodePort;
    if (typeof nodePort === 'number' && nodePort !== 0) {
      const [lo, hi] = NODE_PORT_RANGE;
      if (nodePort < lo || nodePort > hi)
        causes.push(
          invalidCause(
            `${at}.nodePort`,
            nodePort,
            `provided port is not in the valid range. The range of valid ports is ${lo}-${hi}`,
          ),
        );
    }
  });
  return causes;
}
