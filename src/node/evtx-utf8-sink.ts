/**
 * Collects strings as UTF-8 bytes in one growing buffer, encoding each string straight into it
 * (no intermediate concatenated string, no per-string Buffer). `take()` hands the bytes over and
 * continues in a fresh buffer, so the old one can be transferred to another thread; `recycle()`
 * takes such a buffer back once it has been written out.
 */
const encoder = new TextEncoder();

export class Utf8Sink {
  private buf: Uint8Array;
  private used = 0;
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
    const need = this.used + s.length * 3;
    if (need > this.buf.length) this.grow(need);
    this.used += encoder.encodeInto(s, this.buf.subarray(this.used)).written;
  }

  private grow(need: number): void {
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.used));
    this.buf = next;
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
