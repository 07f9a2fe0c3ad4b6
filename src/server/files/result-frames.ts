/**
 * How a child's result crosses the pipe back to the server. Deserializing a parsed 20,000-row roster in one piece held
 * the server's event loop for a fifth of a second (a 30 MB Buffer.concat, then one v8.deserialize); here a structured
 * result is cut into frames of at most FRAME_ITEMS array items, each taken in as it arrives, between other requests.
 *
 * The pipe starts with one byte: RAW (the rest is the bytes of a rendered file) or FRAMED, then frames of
 * [u32 LE length][v8 payload], each payload a Frame.
 */
import v8 from 'node:v8';

export const RAW = 0;
export const FRAMED = 1;
export const FRAME_ITEMS = 1000;

/** `key` null: the whole value; otherwise a property of the result object, or (items) a slice of an array property. */
type Frame = { key: string | null; value: unknown } | { key: string; items: unknown[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** The child's side: the byte chunks to write, in order. */
export function* encodeResult(out: unknown): Generator<Uint8Array> {
  if (out instanceof Uint8Array) {
    yield Uint8Array.of(RAW);
    yield out;
    return;
  }
  yield Uint8Array.of(FRAMED);
  const frame = (f: Frame) => {
    const payload = v8.serialize(f);
    const head = Buffer.alloc(4);
    head.writeUInt32LE(payload.length);
    return Buffer.concat([head, payload]);
  };
  if (!isPlainObject(out)) {
    yield frame({ key: null, value: out });
    return;
  }
  for (const [key, value] of Object.entries(out)) {
    if (Array.isArray(value) && value.length > FRAME_ITEMS) {
      for (let i = 0; i < value.length; i += FRAME_ITEMS) yield frame({ key, items: value.slice(i, i + FRAME_ITEMS) });
    } else {
      yield frame({ key, value });
    }
  }
}

/** The server's side: fed the pipe's chunks as they come; `result()` once the pipe has ended. */
export class ResultDecoder {
  private kind: number | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The length of the frame being received, once its 4 bytes have come. */
  private frameLength: number | null = null;
  private raw: Buffer[] = [];
  private value: Record<string, unknown> | undefined;
  private whole: { value: unknown } | undefined;

  push(chunk: Buffer): void {
    if (this.kind === null) {
      if (chunk.length === 0) return;
      this.kind = chunk[0];
      chunk = chunk.subarray(1);
    }
    if (this.kind === RAW) {
      this.raw.push(chunk);
      return;
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.drainFrames();
  }

  private drainFrames(): void {
    for (;;) {
      if (this.frameLength === null) {
        if (this.pendingBytes < 4) return;
        this.frameLength = this.take(4).readUInt32LE(0);
      }
      if (this.pendingBytes < this.frameLength) return;
      const bytes = this.take(this.frameLength);
      this.frameLength = null;
      this.apply(v8.deserialize(bytes) as Frame);
    }
  }

  private apply(frame: Frame): void {
    if (frame.key === null) {
      this.whole = { value: (frame as { value: unknown }).value };
      return;
    }
    this.value ??= {};
    if ('items' in frame) {
      const list = (this.value[frame.key] ??= []) as unknown[];
      for (const item of frame.items) list.push(item);
    } else {
      this.value[frame.key] = frame.value;
    }
  }

  private take(n: number): Buffer {
    const first = this.pending[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.pending.shift();
      else this.pending[0] = first.subarray(n);
    } else {
      const parts: Buffer[] = [];
      let left = n;
      while (left > 0) {
        const head = this.pending[0];
        if (head.length <= left) {
          parts.push(head);
          this.pending.shift();
          left -= head.length;
        } else {
          parts.push(head.subarray(0, left));
          this.pending[0] = head.subarray(left);
          left = 0;
        }
      }
      out = Buffer.concat(parts, n);
    }
    this.pendingBytes -= n;
    return out;
  }

  /** The decoded result: bytes for RAW, else the value. Throws when the pipe ended mid-frame. */
  result(): { kind: 'bytes'; bytes: Uint8Array } | { kind: 'value'; value: unknown } {
    if (this.kind === RAW) {
      const bytes = this.raw.length === 1 ? this.raw[0] : Buffer.concat(this.raw);
      return { kind: 'bytes', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    }
    if (this.kind !== FRAMED || this.pendingBytes !== 0 || this.frameLength !== null) throw new Error('off-thread result ended mid-frame');
    return { kind: 'value', value: this.whole ? this.whole.value : (this.value ?? {}) };
  }
}
