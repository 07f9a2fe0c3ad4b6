/**
 * A per-process cache for data that never changes once written (frozen variants, an attempt's owner): no expiry is
 * needed, only a bound on memory. The oldest entry goes first when full.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): V {
    if (this.entries.size >= this.capacity && !this.entries.has(key)) {
      this.entries.delete(this.entries.keys().next().value as K);
    }
    this.entries.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** The cached promise, or a new load whose failure is not kept (the next call tries again). */
  load<T>(this: BoundedCache<K, Promise<T>>, key: K, loader: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const promise = loader();
    promise.catch(() => this.entries.delete(key));
    return this.set(key, promise);
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }

  clear(): void {
    this.entries.clear();
  }
}
