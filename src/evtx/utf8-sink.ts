/**
 * Collects output as UTF-8 bytes in one growing buffer: strings are encoded straight into it (no
 * intermediate concatenated string, no per-string buffer), and byte writers (the direct XML
 * renderer) reserve room with `ensure` and write into `buf` at `used`. `take()` hands the bytes
 * over and continues in a fresh buffer, so the old one can be transferred to another thread;
 * `recycle()` takes such a buffer back once it has been written out.
 */
const encoder = new TextEncoder();

export class Utf8Sink {
  /** The current buffer; valid bytes are `[0, used)`. Replaced when it grows. */
  buf: Uint8Array;
  used = 0;
  /** Buffers handed back after use (a few at most), reused instead of allocating and zeroing. */
  private spares: Uint8Array[] = [];

  constructor(private readonly initial = 1 << 20) {
    this.buf = new Uint8Array(initial);
  }

  get length(): number {
    return this.used;
  }

  write(s: string): void {
    // encodeInto needs at most 3 bytes per UTF-16 unit.
    this.ensure(s.length * 3);
    this.used += encoder.encodeInto(s, this.buf.subarray(this.used)).written;
  }

  /** Makes room for `n` more bytes at `used`. */
  ensure(n: number): void {
    const need = this.used + n;
    if (need > this.buf.length) this.grow(need);
  }

  private grow(need: number): void {
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.used));
    this.buf = next;
  }

  /** Drops the bytes written after `length` (which must not exceed the current length). */
  truncate(length: number): void {
    if (length < this.used) this.used = Math.max(0, length);
  }

  /** The bytes written so far; the sink continues with a new (or recycled) buffer. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.used);
    this.buf = this.spares.pop() ?? new Uint8Array(this.initial);
    this.used = 0;
    return out;
  }

  /** Gives back a buffer an earlier `take()` returned, once its bytes are no longer needed. */
  recycle(buffer: ArrayBuffer): void {
    if (this.spares.length < 4 && buffer.byteLength >= this.initial) this.spares.push(new Uint8Array(buffer));
  }
}
