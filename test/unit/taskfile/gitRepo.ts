import { join } from 'node:path';
import { createTempRepo as createRepo, gitIn } from '../../support/tempRepo';

/** The shape the store, CLI and guardrail-CLI tests use: the main checkout is `main/` under `base`. */
export interface TempRepo {
  /** Holds the main checkout (`main/`) and linked worktrees beside it. */
  base: string;
  main: string;
  git(args: string[], cwd?: string): string;
  write(relativePath: string, text: string): string;
  remove(): void;
}

export function createTempRepo(): TempRepo {
  const repo = createRepo({ name: 'main' });
  return {
    base: repo.parent,
    main: repo.root,
    git: (args, cwd = repo.root) => gitIn(cwd, args),
    write(relativePath, text) {
      repo.write(relativePath, text);
      return join(repo.root, relativePath);
    },
    remove: () => repo.dispose(),
  };
}
