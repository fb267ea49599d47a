import type { Task } from './types';

/**
 * A read-only map from every task key to a list, each list made on its first read from arrays
 * indexed by task position. Reading a large file builds thousands of these lists that nobody asks
 * for; a `Map` filled up front cost a fifth of the read, most of it in garbage collection.
 */
export class TaskKeyedLists<V> implements ReadonlyMap<string, V[]> {
  private readonly made: (V[] | undefined)[];

  constructor(
    private readonly tasks: readonly Task[],
    private readonly byKey: ReadonlyMap<string, Task>,
    private readonly listOf: (index: number) => V[],
  ) {
    this.made = new Array<V[] | undefined>(tasks.length);
  }

  get size(): number {
    return this.tasks.length;
  }

  get(key: string): V[] | undefined {
    const task = this.byKey.get(key);
    return task === undefined ? undefined : this.at(task.index);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  forEach(callback: (value: V[], key: string, map: ReadonlyMap<string, V[]>) => void): void {
    for (let i = 0; i < this.tasks.length; i++) {
      callback(this.at(i), this.tasks[i].key, this);
    }
  }

  *entries(): MapIterator<[string, V[]]> {
    for (let i = 0; i < this.tasks.length; i++) {
      yield [this.tasks[i].key, this.at(i)];
    }
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.tasks.length; i++) {
      yield this.tasks[i].key;
    }
  }

  *values(): MapIterator<V[]> {
    for (let i = 0; i < this.tasks.length; i++) {
      yield this.at(i);
    }
  }

  [Symbol.iterator](): MapIterator<[string, V[]]> {
    return this.entries();
  }

  private at(index: number): V[] {
    let list = this.made[index];
    if (list === undefined) {
      list = this.listOf(index);
      this.made[index] = list;
    }
    return list;
  }
}
