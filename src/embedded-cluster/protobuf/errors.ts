/**
 * What can go wrong between protobuf bytes and JSON objects. The HTTP layer turns each reason into the
 * status a client can act on (415 for a kind without a schema, 400 for bytes it cannot read, 406 for a
 * response protobuf cannot carry).
 */
export type ProtobufErrorReason =
  /** The bytes do not parse: truncated, a wrong wire type, no `k8s\0` magic. */
  | 'malformed'
  /** A kind (apiVersion + kind) with no message in the table. */
  | 'unknown-kind'
  /** A field number a known message does not have, or a JSON field protobuf has no number for. */
  | 'unknown-field'
  /** A JSON value of the wrong type for its field (a string where a number goes). */
  | 'bad-value'
  /** An envelope this server does not read (a content encoding, a nested content type). */
  | 'unsupported';

export class ProtobufError extends Error {
  constructor(
    readonly reason: ProtobufErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'ProtobufError';
  }
}
