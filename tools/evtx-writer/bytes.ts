/** Growable little-endian byte sink whose positions are known relative to a chunk. */
export class ByteSink {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;

  /** @param base chunk offset at which byte 0 of this sink will land */
  constructor(readonly base: number) {}

  /** Chunk offset of the next byte to be written. */
  get here(): number {
    return this.base + this.length;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }

  u16(v: number): void {
    this.reserve(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v >>> 0, true);
    this.length += 4;
  }

  u64(v: bigint): void {
    this.reserve(8);
    this.view.setBigUint64(this.length, BigInt.asUintN(64, v), true);
    this.length += 8;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** UTF-16LE code units, copied as-is (lone surrogates survive, which the fixtures need). */
  utf16(s: string): void {
    this.reserve(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      this.view.setUint16(this.length, s.charCodeAt(i), true);
      this.length += 2;
    }
  }

  /** Overwrites a u32 at a sink-relative position (size fields known only after their body). */
  patchU32(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0, true);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
