import type { TaskModel } from './types';

// Task keys are short; a longer name is prose (an external prerequisite), not worth a comparison.
const MAX_NAME_LENGTH = 120;
// A word that many keys share (`task`, `fix`, a number) says nothing about which one was meant.
const MAX_WORD_SHARERS = 64;
// Words looked up by a scan of the names before the word index is built instead.
const SCANNED_WORDS = 16;

/**
 * The task key (or id) a dependency name that matches no task was probably meant to be. A name of
 * several words is compared with the keys that share one of its words (`taskB_circuit_breakr` with
 * `taskB_circuit_breaker`), a few edits apart; a one-word name with the one-word keys and ids one
 * edit away (`tasB` → `taskB`). Undefined when nothing is that close, so real external
 * prerequisites stay quiet. Both look-ups are indexed, so a file of 10,000 tasks with as many
 * external prerequisites costs no more than a scan of its names.
 */
const namesOfModels = new WeakMap<TaskModel, LikelyTaskNames>();

/** The look-up of `model`'s names, made on first use and kept with the model. */
export function likelyTaskNamesOf(model: TaskModel): LikelyTaskNames {
  let names = namesOfModels.get(model);
  if (!names) {
    names = new LikelyTaskNames(model);
    namesOfModels.set(model, names);
  }
  return names;
}

/**
 * Lets `to`, a model with the very keys and ids of `from` (a re-read after an edit that changed
 * neither), ask the look-up `from` already built instead of building its own.
 */
export function shareLikelyTaskNames(from: TaskModel, to: TaskModel): void {
  const names = namesOfModels.get(from);
  if (names?.detached) {
    namesOfModels.set(to, names);
  }
}

export class LikelyTaskNames {
  private byWordIndex: Map<string, string[]> | undefined;
  private byDeletionIndex: Map<string, string[]> | undefined;
  private readonly answers = new Map<string, string | undefined>();

  /** The model, until its names are listed: then they are all this needs of it. */
  private model: TaskModel | undefined;
  private nameList: string[] | undefined;

  constructor(model: TaskModel) {
    this.model = model;
  }

  /** Every task key, and every id that is not its key, in file order. */
  private names(): string[] {
    if (!this.nameList) {
      const names: string[] = [];
      for (const task of this.model!.tasks) {
        names.push(task.key);
        if (task.id !== task.key) {
          names.push(task.id);
        }
      }
      this.nameList = names;
      this.model = undefined;
    }
    return this.nameList;
  }

  /** Whether it no longer holds its model (a later model with the same names may share it). */
  get detached(): boolean {
    return this.model === undefined;
  }

  /**
   * The names sharing `word`, as the full word index would list them. The first few words asked
   * for are found by a scan of the names, cheaper than indexing every word of a large file when
   * only a few unknown names (`prometheus_running`) recur; past them the index is built.
   */
  private sharersOf(word: string): readonly string[] {
    if (this.byWordIndex || this.scanned.size >= SCANNED_WORDS) {
      return this.byWord.get(word) ?? [];
    }
    let sharers = this.scanned.get(word);
    if (!sharers) {
      sharers = [];
      const { names, text, starts } = this.haystack();
      let i = 0;
      for (
        let at = text.indexOf(word);
        at !== -1 && sharers.length <= MAX_WORD_SHARERS;
        at = text.indexOf(word, at + 1)
      ) {
        while (starts[i + 1] <= at) {
          i++;
        }
        const name = names[i];
        if (sharers[sharers.length - 1] === name) {
          continue;
        }
        const words = wordsOf(name);
        if (words.length > 1 && words.includes(word)) {
          sharers.push(name);
        }
      }
      this.scanned.set(word, sharers);
    }
    return sharers;
  }

  private readonly scanned = new Map<string, string[]>();
  private joined: { names: string[]; text: string; starts: Int32Array } | undefined;

  /**
   * Every key and id, lowered and joined into one text, with where each starts: one native
   * `indexOf` finds the names holding a word, where a scan of the names took a call per name.
   */
  private haystack(): { names: string[]; text: string; starts: Int32Array } {
    if (!this.joined) {
      const names = this.names();
      const text = names.join('\n').toLowerCase();
      // A few letters lower to two characters (İ): then each name's lowered length is needed.
      const lowered =
        text.length !== names.length - 1 + names.reduce((n, name) => n + name.length, 0);
      const starts = new Int32Array(names.length + 1);
      for (let i = 0; i < names.length; i++) {
        starts[i + 1] = starts[i] + (lowered ? names[i].toLowerCase() : names[i]).length + 1;
      }
      this.joined = { names, text, starts };
    }
    return this.joined;
  }

  /** Each index is built on its first look-up: most unknown names need only one of them. */
  private get byWord(): Map<string, string[]> {
    if (!this.byWordIndex) {
      this.byWordIndex = new Map();
      for (const name of this.names()) {
        const words = wordsOf(name);
        if (words.length > 1) {
          for (const word of new Set(words)) {
            add(this.byWordIndex, word, name, MAX_WORD_SHARERS);
          }
        }
      }
    }
    return this.byWordIndex;
  }

  private get byDeletion(): Map<string, string[]> {
    if (!this.byDeletionIndex) {
      this.byDeletionIndex = new Map();
      for (const name of this.names()) {
        if (wordsOf(name).length <= 1) {
          for (const variant of oneDeletion(name.toLowerCase())) {
            add(this.byDeletionIndex, variant, name);
          }
        }
      }
    }
    return this.byDeletionIndex;
  }

  suggest(name: string): string | undefined {
    if (this.answers.has(name)) {
      return this.answers.get(name);
    }
    const answer = name.length > MAX_NAME_LENGTH ? undefined : this.lookUp(name);
    this.answers.set(name, answer);
    return answer;
  }

  private lookUp(name: string): string | undefined {
    const words = wordsOf(name);
    if (words.length > 1) {
      const candidates = new Set<string>();
      for (const word of words) {
        const sharers = this.sharersOf(word);
        if (sharers.length <= MAX_WORD_SHARERS) {
          sharers.forEach((candidate) => candidates.add(candidate));
        }
      }
      return closest(name, [...candidates], Math.max(2, Math.ceil(name.length / 4)));
    }
    if (name.length < 4) {
      return undefined;
    }
    const candidates = new Set<string>();
    for (const variant of oneDeletion(name.toLowerCase())) {
      (this.byDeletion.get(variant) ?? []).forEach((candidate) => candidates.add(candidate));
    }
    return closest(name, [...candidates], 1);
  }
}

function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[_\-.]+/)
    .filter((word) => word !== '');
}

/** The text itself and every text one character shorter: two texts one edit apart share one. */
function oneDeletion(text: string): string[] {
  const variants = [text];
  for (let i = 0; i < text.length; i++) {
    variants.push(text.slice(0, i) + text.slice(i + 1));
  }
  return variants;
}

function add<K>(index: Map<K, string[]>, key: K, name: string, cap = Infinity): void {
  const list = index.get(key);
  if (!list) {
    index.set(key, [name]);
  } else if (list.length <= cap && list[list.length - 1] !== name) {
    // Past the cap a word is too common to name a candidate; longer lists are never read.
    list.push(name);
  }
}

function closest(name: string, candidates: readonly string[], limit: number): string | undefined {
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name || Math.abs(candidate.length - name.length) >= bestDistance) {
      continue;
    }
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    previous = current;
  }
  return Math.min(previous[b.length], limit + 1);
}
