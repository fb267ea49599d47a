import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../../..');

/** The project's own layer check (an ES module script, loaded as one). */
async function check(treeRoot: string, configFile?: string): Promise<string[]> {
  const script = pathToFileURL(path.join(root, 'scripts/layers/checkLayers.mjs')).href;
  const { checkLayers } = (await import(script)) as {
    checkLayers(root: string, configFile?: string): Promise<string[]>;
  };
  return checkLayers(treeRoot, configFile);
}

/** A throwaway tree with src/ laid out like the project's, checked with the project's rules. */
function layout(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'coord-layers-'));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('layers', function () {
  this.timeout(60_000);

  it('finds no violation in the project', async () => {
    assert.deepEqual(await check(root), []);
  });

  it('refuses a deliberately wrong import in each layer, and a cycle between features', async () => {
    const dir = layout({
      'src/kernel/model/types.ts':
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      'src/kernel/model/ui.ts': "import '../../features/tasks/vscode/tree';\nexport const b = 1;\n",
      'src/platform/git/exec.ts':
        "import { c } from '../../features/tasks/useCase';\nexport const d = c;\n",
      'src/features/tasks/useCase.ts':
        "import { e } from '../worktrees/start';\nexport const c = e;\n",
      'src/features/tasks/model/text.ts':
        "import { t } from '../vscode/tree';\nexport const f = t;\n",
      'src/features/tasks/vscode/tree.ts': 'export const t = 1;\n',
      'src/features/worktrees/start.ts':
        "import { c } from '../tasks/useCase';\nexport const e = c;\n",
      'src/features/worktrees/cli/start.ts':
        "import { t } from '../../tasks/vscode/tree';\nexport const g = t;\n",
    });
    try {
      const violations = await check(dir, path.join(root, '.dependency-cruiser.cjs'));
      const rules = violations.map((line) => line.split(':')[0]);
      for (const rule of [
        'kernel-is-pure',
        'no-node-in-browser-and-kernel',
        'platform-below-features',
        'feature-models-are-pure',
        'cli-and-mcp-never-reach-vscode-parts',
        'no-folder-cycles',
      ]) {
        assert.ok(rules.includes(rule), `${rule} in:\n${violations.join('\n')}`);
      }
      assert.ok(
        violations.some((line) =>
          line.startsWith('no-folder-cycles: src/features/tasks ⇄ src/features/worktrees'),
        ),
        violations.join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
