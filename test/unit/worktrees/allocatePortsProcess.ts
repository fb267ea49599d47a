// One allocation in a process of its own, as a separate `coord` or editor would make it.
// argv: repository folder, task key, base, block size, [worktree path]. Prints the block as JSON.
import { allocatePorts } from '../../../src/features/worktrees/portAllocation';

const [cwd, taskKey, base, size, worktreePath] = process.argv.slice(2);
allocatePorts({
  cwd,
  taskKey,
  base: Number(base),
  size: Number(size),
  worktreePath: worktreePath || undefined,
}).then(
  (block) => process.stdout.write(JSON.stringify(block ?? null)),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
