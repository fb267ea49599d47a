import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { readRepositorySettings } from '../../../src/platform/settings/repositorySettings';
import { readWorktreeSettings } from '../../../src/features/worktrees/model/settings';
import {
  taskBranchName,
  taskWorktreePath,
} from '../../../src/features/worktrees/model/naming/taskNames';
import { posixQuote } from '../../../src/features/agents/model/shellQuoting';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from './runCoord';

const PLAN = {
  schema_version: '1.0',
  last_updated: '2026-11-01T00:00:00Z',
  tasks: {
    core: {
      a_first: { id: 'a', name: 'First thing', owner: 'Codex', status: 'not_started' },
      b_second: { id: 'b', name: 'Second thing', owner: 'Codex', status: 'not_started' },
    },
  },
};

const FOLDER_SETTINGS = `{
  // the folder's settings win over the workspace file's
  "coordinator.worktrees.branchTemplate": "team/\${agent}/\${id}-\${slug}",
  "coordinator.worktrees.briefFileName": "BRIEF.md",
  "coordinator.snapshots.folder": "audits/snapshots",
  "coordinator.agents": { "Codex": "codex --brief \${brief}" },
}
`;
const WORKSPACE_FILE = `{
  "folders": [{ "path": "." }],
  "settings": {
    "coordinator.worktrees.branchTemplate": "ignored/\${slug}",
    "coordinator.worktrees.pathTemplate": "\${repoParent}/trees/\${slug}",
    "coordinator.worktrees.setupCommand": "echo from-workspace > setup.txt",
  },
}
`;

describe('the CLI reads the settings the editor reads (real processes, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let configHome: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    repo = createTempRepo({ name: 'Configured' });
    repo.write('docs/plans/task_status.json', `${JSON.stringify(PLAN, null, 2)}\n`);
    repo.write('.vscode/settings.json', FOLDER_SETTINGS);
    repo.write('team.code-workspace', WORKSPACE_FILE);
    repo.commit('plan and settings');
    configHome = mkdtempSync(join(tmpdir(), 'coord-config-'));
    env = { ...process.env, XDG_CONFIG_HOME: configHome };
    delete env.COORD_TRUSTED;
  });
  afterEach(() => {
    repo.dispose();
    rmSync(configHome, { recursive: true, force: true });
  });

  it('merges the workspace file under the folder settings, and leaves restricted ones out untrusted', async () => {
    const untrusted = await readRepositorySettings({
      folder: repo.root,
      workspaceFile: join(repo.root, 'team.code-workspace'),
      trusted: false,
    });
    assert.equal(untrusted.get('worktrees.branchTemplate'), 'team/${agent}/${id}-${slug}');
    assert.equal(untrusted.get('worktrees.pathTemplate'), '${repoParent}/trees/${slug}');
    assert.equal(untrusted.get('worktrees.setupCommand'), undefined);
    assert.equal(untrusted.get('snapshots.folder'), undefined);
    assert.deepEqual(untrusted.ignored.map(({ key }) => key).sort(), [
      'agents',
      'snapshots.folder',
      'worktrees.setupCommand',
    ]);
    assert.deepEqual(untrusted.problems, []);

    const trusted = await readRepositorySettings({
      folder: repo.root,
      workspaceFile: join(repo.root, 'team.code-workspace'),
      trusted: true,
    });
    assert.equal(trusted.get('worktrees.setupCommand'), 'echo from-workspace > setup.txt');
    assert.deepEqual(trusted.get('agents'), { Codex: 'codex --brief ${brief}' });
    assert.deepEqual(trusted.ignored, []);

    const missing = await readRepositorySettings({
      folder: repo.root,
      workspaceFile: join(repo.root, 'nope.code-workspace'),
      trusted: true,
    });
    assert.match(missing.problems[0] ?? '', /nope\.code-workspace could not be read/);
  });

  it('coord start names the branch, folder and brief the editor would, from the same settings', async () => {
    const started = await coord(
      ['start', 'a_first', '--workspace', 'team.code-workspace', '--json'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(started.code, 0, started.stderr);
    const result = JSON.parse(started.stdout) as {
      branch: string;
      path: string;
      briefPath: string;
      agentCommand: string | null;
      agentSetup: { flags: { codex: string[] } };
    };
    // Codex is started with the per-run flags that connect it to coord mcp (docs/agents.md).
    const codexFlags = result.agentSetup.flags.codex.map(posixQuote).join(' ');

    // What the editor computes: the merged settings through VS Code's getter, then the same naming.
    const merged: Record<string, unknown> = {
      ...(parse(WORKSPACE_FILE) as { settings: Record<string, unknown> }).settings,
      ...(parse(FOLDER_SETTINGS) as Record<string, unknown>),
    };
    const editor = readWorktreeSettings((key) => merged[`coordinator.${key}`]);
    const task = {
      key: 'a_first',
      id: 'a',
      name: 'First thing',
      owner: 'Codex',
      owners: ['Codex'],
      group: 'core',
    };
    const branch = taskBranchName(task, editor.branchTemplate);
    assert.equal(result.branch, branch);
    assert.equal(result.branch, 'team/codex/a-first-thing');
    assert.equal(
      result.path,
      taskWorktreePath(task, { branch, mainRoot: repo.root }, editor.pathTemplate),
    );
    assert.equal(result.path, join(repo.parent, 'trees', 'a-first-thing'));
    assert.equal(result.briefPath, join(result.path, 'BRIEF.md'));
    assert.ok(!existsSync(join(result.path, 'setup.txt')), 'untrusted: no setup command');
    assert.match(started.stderr, /not trusted, so .*coordinator\.worktrees\.setupCommand/);
    assert.doesNotMatch(started.stderr, /coordinator\.agents/, 'only what start reads is named');
    assert.equal(
      result.agentCommand,
      `codex ${codexFlags}`,
      'untrusted: the default agents, as in the editor',
    );

    const trusted = await coord(
      ['start', 'b_second', '--workspace', 'team.code-workspace', '--trusted'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(trusted.code, 0, trusted.stderr);
    const worktree = trusted.stdout.trim();
    assert.equal(readFileSync(join(worktree, 'setup.txt'), 'utf8'), 'from-workspace\n');
    assert.ok(
      trusted.stderr
        .split('\n')
        .includes(
          `agent: codex ${codexFlags.replace(/a_first/g, 'b_second')} --brief ${join(worktree, 'BRIEF.md')}`,
        ),
      trusted.stderr,
    );
  });

  it('coord snapshot writes to coordinator.snapshots.folder once the repository is trusted', async () => {
    const untrusted = await coord(['snapshot', '--offline'], repo.root, undefined, env);
    assert.equal(untrusted.code, 0, untrusted.stderr);
    assert.match(
      untrusted.stdout,
      /^docs\/audits\/coordination\//m,
      'untrusted: the default folder',
    );
    assert.match(untrusted.stderr, /coordinator\.snapshots\.folder/);

    const trusted = await coord(['snapshot', '--offline', '--trusted'], repo.root, undefined, env);
    assert.equal(trusted.code, 0, trusted.stderr);
    const files = trusted.stdout.trim().split('\n');
    assert.ok(
      files.length > 0 && files.every((file) => file.startsWith('audits/snapshots/')),
      trusted.stdout,
    );
    assert.ok(readFileSync(join(repo.root, files[0] as string), 'utf8').length > 0);
  });
});
