/**
 * Protocol buffers' wire format, the part Kubernetes' types use: varints (int32, int64, bool, which
 * Kubernetes never zigzags), length-delimited fields (strings, bytes, messages, packed repeats) and
 * 64-bit fixed fields (doubles, in JSON schemas). Varints go through BigInt only when they do not fit 53
 * bits, so negative int32s, sign-extended to ten bytes on the wire, come back exact.
 */
import { ProtobufError } from './errors.js';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

export class ProtoReader {
  private pos: number;

  constructor(
    private readonly buf: Uint8Array,
    /** What the bytes are, for error messages. */
    private readonly where: string,
  ) {
    this.pos = 0;
  }

  done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** The next field's number and wire type. */
  tag(): { number: number; wire: number } {
    const key = this.varint();
    const number = Math.floor(key / 8);
    if (number < 1) throw this.malformed(`field number ${number}`);
    return { number, wire: key % 8 };
  }

  /** An unsigned varint as a Number (exact up to 2^53: lengths, tags, non-negative values). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const byte = this.byte();
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw this.malformed('a varint longer than 10 bytes');
  }

  /** A varint as a signed integer of `bits`: negatives arrive as ten-byte two's complement. */
  signed(bits: 32 | 64): number {
    const start = this.pos;
    const plain = this.varint();
    if (plain <= 0x7fffffff) return plain;
    this.pos = start;
    return Number(BigInt.asIntN(bits, this.bigVarint()));
  }

  bytes(): Uint8Array {
    const length = this.varint();
    if (this.pos + length > this.buf.length) throw this.malformed('a length past the end of the message');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  double(): number {
    if (this.pos + 8 > this.buf.length) throw this.malformed('a 64-bit field past the end of the message');
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8);
    this.pos += 8;
    return view.getFloat64(0, true);
  }

  private byte(): number {
    if (this.pos >= this.buf.length) throw this.malformed('a varint past the end of the message');
    return this.buf[this.pos++]!;
  }

  private bigVarint(): bigint {
    let result = 0n;
    for (let i = 0n; i < 10n; i++) {
      const byte = this.byte();
      result |= BigInt(byte & 0x7f) << (7n * i);
      if (byte < 0x80) return result;
    }
    throw this.malformed('a varint longer than 10 bytes');
  }

  private malformed(what: string): ProtobufError {
    return new ProtobufError('malformed', `${this.where}: the protobuf bytes are malformed (${what})`);
  }
}

/** Builds one message; nested messages are built by their own writer and added as bytes. */
export class ProtoWriter {
  private readonly chunks: Uint8Array[] = [];
  private pending: number[] = [];

  varintField(number: number, value: number | boolean): void {
    this.key(number, WIRE_VARINT);
    this.varint(typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }

  bytesField(number: number, value: Uint8Array): void {
    this.key(number, WIRE_BYTES);
    this.varint(value.length);
    this.flush();
    this.chunks.push(value);
  }

  stringField(number: number, value: string): void {
    this.bytesField(number, Buffer.from(value, 'utf8'));
  }

  doubleField(number: number, value: number): void {
    this.key(number, WIRE_FIXED64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    this.pending.push(...bytes);
  }

  finish(): Uint8Array {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  private key(number: number, wire: number): void {
    this.varint(number * 8 + wire);
  }

  /** Negative numbers are written as 64-bit two's complement, ten bytes, as Go's encoders do. */
  private varint(value: number): void {
    if (value >= 0 && value <= Number.MAX_SAFE_INTEGER) {
      let v = value;
      while (v >= 0x80) {
        this.pending.push((v % 128) | 0x80);
        v = Math.floor(v / 128);
      }
      this.pending.push(v);
      return;
    }
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.pending.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.pending.push(Number(v));
  }

  private flush(): void {
    if (this.pending.length) {
      this.chunks.push(Uint8Array.from(this.pending));
      this.pending = [];
    }
  }
}
