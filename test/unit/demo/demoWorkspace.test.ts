// The demo repository of `npm run demo` (scripts/vscode/demo-workspace.mjs) checked against its own
// task file with the product's readers, its stand-in GitHub asked over HTTP, and its stand-in agent
// run for real with the real `coord` CLI.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { displayStatus } from '../../../src/kernel/model/graph';
import { parseWorktreePorcelain } from '../../../src/kernel/git/worktreePorcelain';
import { linkedTasks } from '../../../src/features/worktrees/list';
import { parseAgentStateRecord } from '../../../src/features/agents/model/agentState';
import type { LoadedTaskFile } from '../../../src/kernel/model/types';
import { gitIn } from '../../support/tempRepo';
import { CLI, TSX_LOADER } from '../cli/runCoord';

const scripts = path.resolve(__dirname, '../../../scripts');

interface DemoPull {
  task: string;
  number: number;
  state: 'open' | 'closed';
  merged?: boolean;
  checks: { name: string; conclusion: string | null }[];
}
interface DemoWorkspaceModule {
  createDemoWorkspace(parent: string, options?: { apiBaseUrl?: string }): string;
  DEMO_AGENT: string;
  DEMO_REMOTE: { owner: string; repo: string };
  DEMO_PULLS: DemoPull[];
  DEMO_WORKTREES: { task: string; dir: string }[];
}
interface FakeLike {
  url: string;
  close(): Promise<void>;
}
interface DemoGitHubModule {
  startDemoGitHub(): Promise<FakeLike>;
  DEMO_GITHUB_TOKEN: string;
}

async function load<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(scripts, relative)).href)) as T;
}

describe('the demo repository (npm run demo)', function () {
  this.timeout(120_000);
  let demo: DemoWorkspaceModule;
  let parent: string;
  let main: string;
  let loaded: LoadedTaskFile;

  before(async () => {
    demo = await load<DemoWorkspaceModule>('vscode/demo-workspace.mjs');
    parent = realpathSync(mkdtempSync(path.join(tmpdir(), 'coord-demo-')));
    main = demo.createDemoWorkspace(path.join(parent, 'demo'), {
      apiBaseUrl: 'http://127.0.0.1:9',
    });
    loaded = loadTaskFile(readFileSync(path.join(main, 'docs/plans/task_status.json'), 'utf8'));
  });

  after(() => rmSync(parent, { recursive: true, force: true }));

  const taskByKey = (key: string) => loaded.model!.tasks.find((task) => task.key === key)!;

  it('has a task file that reads without errors', () => {
    assert.ok(loaded.model && loaded.graph);
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
      [],
    );
  });

  it('gives every task its own branch', () => {
    const branches = loaded.model!.tasks.flatMap((task) => (task.branch ? [task.branch] : []));
    const shared = branches.filter((branch, index) => branches.indexOf(branch) !== index);
    assert.deepEqual(shared, [], 'no two tasks share a branch');
  });

  it('seeds worktrees only for tasks under way, each linked to exactly its task', () => {
    const entries = parseWorktreePorcelain(gitIn(main, ['worktree', 'list', '--porcelain']));
    const seeded = entries.filter((entry) => realpathSync(entry.path) !== realpathSync(main));
    assert.equal(seeded.length, demo.DEMO_WORKTREES.length);
    for (const entry of seeded) {
      const linked = linkedTasks(entry, loaded.model!, main);
      const expected = demo.DEMO_WORKTREES.find((w) => path.basename(entry.path) === w.dir);
      assert.deepEqual(
        linked.map((task) => task.key),
        [expected?.task],
        `${path.basename(entry.path)} (${entry.branch}) is labelled with its one task`,
      );
      const task = linked[0]!;
      assert.equal(task.status, 'in_progress', `${task.key} has a worktree, so it is under way`);
      assert.notEqual(displayStatus(task, loaded.graph), 'ready', `${task.key} is not shown Ready`);
      const ahead = gitIn(main, ['rev-list', '--count', `main..${entry.branch}`]).trim();
      assert.equal(ahead, '1', `${entry.branch} has work on it`);
    }
    const withWorktree = new Set(
      seeded.flatMap((entry) => linkedTasks(entry, loaded.model!, main).map((t) => t.key)),
    );
    for (const task of loaded.model!.tasks) {
      if (displayStatus(task, loaded.graph) === 'ready') {
        assert.ok(!withWorktree.has(task.key), `Ready task ${task.key} has no worktree`);
      }
    }
  });

  it('starts the stand-in agent for every owner, and names a GitHub remote', () => {
    const settings = JSON.parse(
      readFileSync(path.join(main, '.vscode/settings.json'), 'utf8'),
    ) as Record<string, unknown>;
    const agents = settings['coordinator.agents'] as Record<string, string>;
    const owners = new Set(loaded.model!.tasks.flatMap((task) => task.owners));
    for (const owner of owners) {
      if (owner && owner !== 'Human') {
        assert.equal(agents[owner]?.split(' ')[0], demo.DEMO_AGENT, `${owner} runs demo-agent`);
      }
    }
    assert.ok(existsSync(demo.DEMO_AGENT));
    assert.equal(settings['coordinator.github.apiBaseUrl'], 'http://127.0.0.1:9');
    assert.equal(
      gitIn(main, ['remote', 'get-url', 'origin']).trim(),
      `https://github.com/${demo.DEMO_REMOTE.owner}/${demo.DEMO_REMOTE.repo}.git`,
    );
  });

  it('serves pull requests labelled as demo data that match the tasks, with a failing check', async () => {
    const github = await load<DemoGitHubModule>('demo/demo-github.mjs');
    const fake = await github.startDemoGitHub();
    try {
      const { owner, repo } = demo.DEMO_REMOTE;
      const get = async (route: string) => {
        const response = await fetch(`${fake.url}/repos/${owner}/${repo}${route}`, {
          headers: { authorization: `token ${github.DEMO_GITHUB_TOKEN}` },
        });
        assert.equal(response.status, 200, route);
        return (await response.json()) as Record<string, unknown>[] & Record<string, unknown>;
      };
      type Pull = {
        number: number;
        state: string;
        merged_at: string | null;
        title: string;
        head: { ref: string; sha: string };
        labels: { name: string }[];
      };
      const pulls = (await get('/pulls?state=all')) as unknown as Pull[];
      assert.equal(pulls.length, demo.DEMO_PULLS.length);
      let failing = 0;
      for (const pull of pulls) {
        const task = loaded.model!.tasks.find((t) => t.branch === pull.head.ref);
        assert.ok(task, `PR #${pull.number} is the PR of a task's branch (${pull.head.ref})`);
        assert.equal(task.prNumber, pull.number, `${task.key} records PR #${pull.number}`);
        assert.match(pull.title, /\(demo data\)$/);
        assert.deepEqual(
          pull.labels.map((l) => l.name),
          ['demo data'],
        );
        if (pull.merged_at) {
          assert.equal(task.status, 'completed', `merged PR #${pull.number}: its task is done`);
        } else {
          assert.equal(
            task.status,
            'in_progress',
            `open PR #${pull.number}: its task is under way`,
          );
        }
        const runs = (await get(`/commits/${pull.head.sha}/check-runs`)) as unknown as {
          check_runs: { conclusion: string | null }[];
        };
        failing += runs.check_runs.filter((run) => run.conclusion === 'failure').length;
      }
      assert.equal(failing, 1, 'one failing CI check to see');
      assert.equal(taskByKey('cc2_dashboard').prNumber, 410);
    } finally {
      await fake.close();
    }
  });

  it('runs the stand-in agent: working, needs input, working, finished, through the real coord', async () => {
    const key = 'task1_shadow_diff';
    const worktree = path.join(path.dirname(main), 'Lukhas-codex-shadow-diff');
    const bin = path.join(parent, 'bin');
    const log = path.join(parent, 'coord-calls.log');
    mkdirSync(bin);
    // `coord` as the editor's launcher provides it, logging each call before running the real CLI.
    writeFileSync(
      path.join(bin, 'coord'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${process.execPath}' --import '${TSX_LOADER}' '${CLI}' "$@"\n`,
    );
    chmodSync(path.join(bin, 'coord'), 0o755);
    const run = await runAgent(demo.DEMO_AGENT, [taskByKey(key).id], worktree, {
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      COORD_TASK: key,
      DEMO_AGENT_PACE: '0',
    });
    assert.equal(run.code, 0, run.output);
    assert.doesNotMatch(run.output, /not found|could not report/);
    const states = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[1]);
    const collapsed = states.filter((state, i) => state !== states[i - 1]);
    assert.deepEqual(collapsed, ['working', 'needs_input', 'working', 'finished']);
    assert.match(readFileSync(log, 'utf8'), /needs_input --message .*\? \[y\/n\]/);
    const common = gitIn(worktree, ['rev-parse', '--path-format=absolute', '--git-common-dir']);
    const record = parseAgentStateRecord(
      readFileSync(path.join(common.trim(), 'coordinator', 'agents', `${key}.json`), 'utf8'),
    );
    assert.equal(record?.state, 'finished');
    assert.equal(record?.agent, 'demo-agent');
    assert.match(
      readFileSync(path.join(worktree, 'docs', 'agent-notes', `${taskByKey(key).id}.md`), 'utf8'),
      /Answer to .*: y/,
    );
  });

  it('still runs, and says why no state is seen, where coord is not on PATH', async () => {
    const run = await runAgent(demo.DEMO_AGENT, ['task9'], main, {
      PATH: '/usr/bin:/bin',
      DEMO_AGENT_PACE: '0',
    });
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /coord is not on PATH here/);
    assert.match(run.output, /Finished\./);
  });
});

function runAgent(
  program: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
    child.stdin.end('y\n');
  });
}
