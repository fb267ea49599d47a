/** One merge as `git merge-tree --write-tree --name-only -z` reports it. */
export interface MergeTreeOutcome {
  clean: boolean;
  /** The merged tree; conflicted files in it hold conflict markers. */
  tree: string;
  /** Paths left conflicted, each once. */
  conflictedPaths: string[];
  /** Conflict messages only (not "Auto-merging"): the paths concerned and git's conflict type. */
  conflicts: MergeTreeConflict[];
}

export interface MergeTreeConflict {
  paths: string[];
  /** E.g. `CONFLICT (contents)`, `CONFLICT (modify/delete)`, `CONFLICT (rename/delete)`. */
  type: string;
  message: string;
}

/**
 * Reads the NUL-separated output of `git merge-tree --write-tree --name-only -z`, once per
 * merge: with `--stdin` each merge starts with its status (1 clean, 0 conflicted); a single merge
 * has none (its exit code says it). A clean merge is its tree alone; a conflicted one adds the
 * conflicted paths and the messages, each list ended by an empty field.
 */
export function parseMergeTreeOutput(
  output: string,
  batched: boolean,
  singleClean = true,
): MergeTreeOutcome[] {
  const fields = output.split('\0');
  const outcomes: MergeTreeOutcome[] = [];
  let at = 0;
  const take = () => fields[at++] ?? '';
  while (at < fields.length) {
    if (batched && fields[at] === '' && at === fields.length - 1) {
      break;
    }
    const clean = batched ? take() === '1' : singleClean;
    const tree = take();
    if (!/^[0-9a-f]{40,64}$/.test(tree)) {
      throw new Error(`unexpected merge-tree output near "${tree.slice(0, 40)}"`);
    }
    const conflictedPaths: string[] = [];
    const conflicts: MergeTreeConflict[] = [];
    if (clean) {
      take();
      outcomes.push({ clean, tree, conflictedPaths, conflicts });
      continue;
    }
    while (at < fields.length && fields[at] !== '') {
      conflictedPaths.push(take());
    }
    take();
    while (at < fields.length && fields[at] !== '') {
      const count = Number(take());
      const paths: string[] = [];
      for (let index = 0; index < count; index++) {
        paths.push(take());
      }
      const type = take();
      const message = take().trimEnd();
      if (type.startsWith('CONFLICT')) {
        conflicts.push({ paths, type, message });
      }
    }
    take();
    outcomes.push({ clean, tree, conflictedPaths, conflicts });
    if (!batched) {
      break;
    }
  }
  return outcomes;
}
