/**
 * What the HTTP server asks of protobuf: is a body or an Accept header about protobuf, decode a request
 * body, encode a response. Codec errors become the Status a client can act on.
 */
import { ApiError, badRequest } from '../api/status-errors.js';
import { decodeObject } from './decode.js';
import { encodeObject } from './encode.js';
import { ProtobufError } from './errors.js';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

function mediaTypes(header: string): { type: string; params: string }[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';');
      return { type: type.trim().toLowerCase(), params: params.join(';').replace(/\s/g, '').toLowerCase() };
    })
    .filter((m) => m.type && !/(^|;)q=0(\.0*)?($|;)/.test(m.params));
}

export function isProtobuf(contentType: string | undefined): boolean {
  return mediaTypes(contentType ?? '')[0]?.type === PROTOBUF_MEDIA_TYPE;
}

/**
 * Whether the response must be protobuf: the client accepts protobuf and nothing JSON can answer.
 * kubectl's typed clients send `protobuf, application/json`; JSON, the default, serves them.
 */
export function acceptsOnlyProtobuf(accept: string | undefined): boolean {
  const types = mediaTypes(accept ?? '');
  const jsonWill = types.some((m) =>
    ['application/json', 'application/yaml', '*/*', 'application/*'].includes(m.type),
  );
  return !jsonWill && types.some((m) => m.type === PROTOBUF_MEDIA_TYPE);
}

/** A request body in protobuf as the JSON object the rest of the server works on. */
export function decodeProtobufBody(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  try {
    return decodeObject(body);
  } catch (err) {
    throw asApiError(err, 'request');
  }
}

/** A response body in protobuf. Objects without a kind (/version) are not protobuf in Kubernetes either. */
export function encodeProtobufBody(body: unknown): Buffer | undefined {
  const object = body as Record<string, unknown> | undefined;
  if (!object || typeof object.kind !== 'string') return undefined;
  try {
    return Buffer.from(encodeObject(object));
  } catch (err) {
    throw asApiError(err, 'response');
  }
}

export function protobufWatchRefused(): ApiError {
  return new ApiError(
    406,
    'NotAcceptable',
    `the embedded cluster streams watches as JSON only; accept application/json (this request accepts only ${PROTOBUF_MEDIA_TYPE})`,
  );
}

function asApiError(err: unknown, side: 'request' | 'response'): unknown {
  if (!(err instanceof ProtobufError)) return err;
  if (side === 'response')
    return new ApiError(
      406,
      'NotAcceptable',
      `${err.message} (the request accepts only ${PROTOBUF_MEDIA_TYPE})`,
    );
  if (err.reason === 'unknown-kind' || err.reason === 'unsupported')
    return new ApiError(415, 'UnsupportedMediaType', err.message);
  return badRequest(`the protobuf request body could not be decoded: ${err.message}`);
}
