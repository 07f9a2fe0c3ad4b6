/**
 * Counts of scores in hundredths (0..1000 for 0,00..10,00). Exact, so the median and every moment are exact.
 * A group starts sparse (a few distinct scores, e.g. a school of 40 people) and turns dense past SPARSE_LIMIT
 * distinct scores: 20,000 small units cost kilobytes, not 20,000 × 4 KB.
 */

export const MAX_HUNDREDTHS = 1000;
const SPARSE_LIMIT = 48;

export class ScoreHistogram {
  private dense: Uint32Array | null = null;
  private keys = new Uint16Array(4);
  private values = new Uint32Array(4);
  private size = 0;

  add(hundredths: number, count = 1): void {
    if (this.dense) {
      this.dense[hundredths] += count;
      return;
    }
    const keys = this.keys;
    for (let i = 0; i < this.size; i++) {
      if (keys[i] === hundredths) {
        this.values[i] += count;
        return;
      }
    }
    if (this.size === SPARSE_LIMIT) {
      this.densify();
      this.dense![hundredths] += count;
      return;
    }
    if (this.size === keys.length) this.grow();
    this.keys[this.size] = hundredths;
    this.values[this.size] = count;
    this.size++;
  }

  merge(other: ScoreHistogram): void {
    other.forEachAscending((h, c) => this.add(h, c));
  }

  /** Calls back with every score present, lowest first. */
  forEachAscending(callback: (hundredths: number, count: number) => void): void {
    if (this.dense) {
      const dense = this.dense;
      for (let h = 0; h <= MAX_HUNDREDTHS; h++) if (dense[h] !== 0) callback(h, dense[h]);
      return;
    }
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.keys[a] - this.keys[b]);
    for (const i of order) callback(this.keys[i], this.values[i]);
  }

  /** [score in hundredths, count] pairs, lowest first — the data of a fine-grained distribution chart. */
  entries(): [number, number][] {
    const out: [number, number][] = [];
    this.forEachAscending((h, c) => out.push([h, c]));
    return out;
  }

  private grow(): void {
    const keys = new Uint16Array(this.keys.length * 2);
    const values = new Uint32Array(this.values.length * 2);
    keys.set(this.keys);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }

  private densify(): void {
    const dense = new Uint32Array(MAX_HUNDREDTHS + 1);
    for (let i = 0; i < this.size; i++) dense[this.keys[i]] += this.values[i];
    this.dense = dense;
    this.keys = new Uint16Array(0);
    this.values = new Uint32Array(0);
    this.size = 0;
  }
}
