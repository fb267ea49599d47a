/** Finds a fixed text in a stream of chunks, also when it straddles two chunks, keeping O(needle) memory. */
export class StreamSearch {
  private carry = '';
  private matched = false;

  constructor(private readonly needle: string) {
    this.matched = needle.length === 0;
  }

  get found(): boolean {
    return this.matched;
  }

  push(chunk: string): void {
    if (this.matched || chunk.length === 0) {
      return;
    }
    const keep = this.needle.length - 1;
    if (chunk.includes(this.needle) || (this.carry + chunk.slice(0, keep)).includes(this.needle)) {
      this.matched = true;
      this.carry = '';
      return;
    }
    this.carry =
      chunk.length >= keep ? chunk.slice(chunk.length - keep) : (this.carry + chunk).slice(-keep);
    if (keep === 0) {
      this.carry = '';
    }
  }
}
