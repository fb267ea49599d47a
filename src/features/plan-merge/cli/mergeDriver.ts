import { readFile, writeFile } from 'node:fs/promises';
import { mergeTaskFiles } from '../model/mergeTaskFiles';
import type { MergeNote } from '../model/types';
import { parseCommandArgs } from '../../common/cli/args';
import { CommandFailure, ExitCode, UsageError, type CliCommand } from '../../common/cli/command';

/**
 * git's merge-driver contract: merge the ancestor (%O), ours (%A) and theirs (%B) into %A; exit 0
 * when merged, 1 with a conflict section in %A otherwise. Decisions are reported on stderr.
 */
export const command: CliCommand = {
  summary: 'git merge driver for the task file (installed by coord setup merge-driver)',
  usage: 'coord merge-driver BASE OURS THEIRS [PATH]   (git passes %O %A %B %P)',
  async run(args, context) {
    const { positionals } = parseCommandArgs(args, {}, 4);
    if (positionals.length < 3) {
      throw new UsageError('give the ancestor, ours and theirs files');
    }
    const [basePath, oursPath, theirsPath, shown = oursPath] = positionals;
    const reads = await Promise.allSettled(
      [basePath, oursPath, theirsPath].map((path) => readFile(path, 'utf8')),
    );
    // Reported in argument order, whichever read failed first.
    const [base, ours, theirs] = reads.map((read, index) => {
      if (read.status === 'rejected') {
        const path = [basePath, oursPath, theirsPath][index]!;
        throw new CommandFailure(`cannot read ${path}: ${(read.reason as Error).message}`);
      }
      return read.value;
    }) as [string, string, string];
    const result = mergeTaskFiles(base, ours, theirs);
    await writeFile(oursPath, result.text);
    const print = (kind: string, note: MergeNote) =>
      context.stderr(
        `coord merge-driver: ${shown}: ${kind}${note.path ? `${note.path}: ` : ''}${note.message}\n`,
      );
    result.decisions.forEach((note) => print('', note));
    if (result.kind === 'merged') {
      return ExitCode.ok;
    }
    result.conflicts.forEach((note) => print('conflict: ', note));
    return ExitCode.failed;
  },
};
