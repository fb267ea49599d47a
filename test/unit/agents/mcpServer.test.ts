import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';
import { connectCoordMcp, resultJson, resultText, rssMegabytes, type CoordMcp } from './mcpClient';

const WORKERS = 8;

function plan() {
  const workers = Object.fromEntries(
    Array.from({ length: WORKERS }, (_, i) => [
      `w${i}`,
      { id: `w${i}`, name: `Worker ${i}`, owner: 'Codex', status: 'in_progress' },
    ]),
  );
  return {
    schema_version: '1.0',
    last_updated: '2026-11-01T00:00:00Z',
    tasks: {
      core: {
        a_base: {
          id: 'a',
          name: 'Base',
          owner: 'Codex',
          status: 'in_progress',
          progress: { total_steps: 6, completed_steps: 0 },
          acceptance: ['base works'],
        },
        b_next: {
          id: 'b',
          name: 'Next',
          owner: 'Codex',
          status: 'not_started',
          dependencies: ['a_base'],
          acceptance: ['next works'],
        },
        c_free: { id: 'c', name: 'Free', owner: 'Claude Code', status: 'not_started' },
      },
      load: workers,
    },
  };
}

interface RawTask {
  status: string;
  notes?: string[];
  pr_number?: number;
  blockers?: string[];
  progress?: { completed_steps: number; total_steps: number };
  overrides?: { gate: string; reasons: string[]; by: string; host: string }[];
}

describe('coord mcp: a real MCP client over stdio against the server process', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  const open: CoordMcp[] = [];
  const planPath = () => join(repo.root, 'docs/plans/task_status.json');
  const rawPlan = () =>
    JSON.parse(readFileSync(planPath(), 'utf8')) as {
      tasks: Record<string, Record<string, RawTask>>;
    };
  const raw = (key: string) => rawPlan().tasks.core[key] ?? rawPlan().tasks.load[key];
  const connect = async (env: Record<string, string>, args: string[] = []) => {
    const server = await connectCoordMcp(repo.root, env, args);
    open.push(server);
    return server;
  };

  beforeEach(() => {
    repo = createTempRepo({ name: 'Mcp' });
    repo.write('docs/plans/task_status.json', `${JSON.stringify(plan(), null, 2)}\n`);
    repo.commit('plan');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
    repo.dispose();
  });

  it('lists its tools and resources; prints its memory and first tool-list latency', async () => {
    const started = performance.now();
    const server = await connect({ COORD_TASK: 'a_base', COORD_AGENT: 'Codex' });
    const { tools } = await server.client.listTools();
    const firstList = performance.now() - started;
    assert.deepEqual(tools.map((tool) => tool.name).sort(), [
      'claim_task',
      'next_tasks',
      'plan_overview',
      'report_agent_state',
      'request_review',
      'review_task',
      'show_review',
      'show_task',
      'start_task',
      'update_task',
    ]);
    const rss = rssMegabytes(server.pid);
    console.log(
      `      coord mcp from source: first tool list ${firstList.toFixed(0)} ms after spawn, RSS ${rss?.toFixed(1) ?? 'n/a'} MB`,
    );
    const { resources } = await server.client.listResources();
    assert.ok(resources.some((r) => r.uri === 'coord://plan'));
    assert.ok(resources.some((r) => r.uri === 'coord://task/b_next'));
    const task = await server.client.readResource({ uri: 'coord://task/b_next' });
    const text = task.contents[0] && 'text' in task.contents[0] ? task.contents[0].text : '';
    assert.deepEqual((JSON.parse(text) as { blockedBy: string[] }).blockedBy, ['a_base']);
    const overview = await server.client.readResource({ uri: 'coord://plan' });
    const first = overview.contents[0];
    const plan = JSON.parse(first && 'text' in first ? first.text : '{}') as {
      summary: { total: number };
    };
    assert.equal(plan.summary.total, 3 + WORKERS);
  });

  it('answers the read tools from the plan', async () => {
    const server = await connect({ COORD_TASK: 'a_base', COORD_AGENT: 'Codex' });
    const overview = resultJson(await server.call('plan_overview'));
    assert.equal((overview.summary as { total: number }).total, 3 + WORKERS);
    assert.equal((overview.ownTask as { key: string }).key, 'a_base');

    const next = resultJson(await server.call('next_tasks', {}));
    assert.deepEqual(
      (next.tasks as { key: string }[]).map((task) => task.key),
      ['c_free'],
    );
    const byOwner = resultJson(await server.call('next_tasks', { owner: 'codex' }));
    assert.deepEqual(byOwner.tasks, []);

    const shown = resultJson(await server.call('show_task', { task: 'b' }));
    assert.equal(shown.key, 'b_next');
    assert.deepEqual(shown.blockedBy, ['a_base']);
    assert.deepEqual(shown.acceptance, ['next works']);
    const own = resultJson(await server.call('show_task'));
    assert.equal(own.key, 'a_base');
  });

  it('ranks ready tasks that overlap work in progress last, saying why, as coord next does', async () => {
    repo.write(
      'docs/plans/task_status.json',
      `${JSON.stringify({
        tasks: {
          work: {
            api: { name: 'API', status: 'in_progress', files: ['src/api/**'] },
            auth: {
              name: 'Auth',
              status: 'not_started',
              priority: 'P0',
              files: ['src/api/auth.ts'],
            },
            docs: { name: 'Docs', status: 'not_started', priority: 'P2', files: ['docs/**'] },
          },
        },
      })}\n`,
    );
    const server = await connect({ COORD_TASK: 'api', COORD_AGENT: 'Codex' });
    const next = resultJson(await server.call('next_tasks', {}));
    const tasks = next.tasks as { key: string; why?: string }[];
    assert.deepEqual(
      tasks.map((task) => task.key),
      ['docs', 'auth'],
    );
    assert.equal(tasks[0]?.why, undefined);
    assert.equal(tasks[1]?.why, 'overlaps api (src/api/auth.ts ~ src/api/**)');
    const cli = await coord(['next', '--json'], repo.root);
    assert.deepEqual(
      (JSON.parse(cli.stdout) as { tasks: { key: string }[] }).tasks.map((task) => task.key),
      ['docs', 'auth'],
    );
  });

  it('answers bad arguments and unknown tasks with a tool error of one line, and keeps serving', async () => {
    const server = await connect({ COORD_TASK: 'a_base', COORD_AGENT: 'Codex' });
    const before = readFileSync(planPath(), 'utf8');
    const badProgress = await server.call('update_task', { progress: { done: 'three' } });
    assert.equal(badProgress.isError, true);
    assert.match(resultText(badProgress), /expected number, received string at progress\.done$/);
    const badStatus = await server.call('update_task', { status: 'finished-ish' });
    assert.equal(badStatus.isError, true);
    assert.match(resultText(badStatus), /expected one of "not_started"\|.*"completed" at status$/);
    const unknown = await server.call('show_task', { task: 'nope' });
    assert.equal(unknown.isError, true);
    assert.equal(resultText(unknown), 'No task "nope" in the task file.');
    const nothing = await server.call('update_task', {});
    assert.equal(nothing.isError, true);
    assert.match(resultText(nothing), /^Nothing to change/);
    const exceeding = await server.call('update_task', { progress: { done: 7, total: 6 } });
    assert.equal(exceeding.isError, true);
    assert.match(resultText(exceeding), /done steps exceed the total/);
    assert.equal(readFileSync(planPath(), 'utf8'), before, 'refused calls write nothing');
    assert.equal((await server.client.listTools()).tools.length, 10, 'the server still answers');
  });

  it('refuses a completion with unmet gates, giving the reasons, and records a forced one with host mcp', async () => {
    const server = await connect({ COORD_TASK: 'a_base', COORD_AGENT: 'Codex' });
    const before = readFileSync(planPath(), 'utf8');
    const refused = await server.call('update_task', { status: 'completed' });
    assert.equal(refused.isError, true);
    assert.equal(
      resultText(refused),
      'Cannot complete a_base ("Base"): progress is 0/6 steps. Call again with force: true to go ahead anyway; it is recorded on the task.',
    );
    assert.equal(readFileSync(planPath(), 'utf8'), before);

    const forced = await server.call('update_task', { status: 'completed', force: true });
    assert.equal(forced.isError, undefined, resultText(forced));
    assert.equal(raw('a_base').status, 'completed');
    const [override] = raw('a_base').overrides ?? [];
    assert.deepEqual(
      { gate: override?.gate, reasons: override?.reasons, by: override?.by, host: override?.host },
      { gate: 'completion', reasons: ['progress is 0/6 steps'], by: 'Codex', host: 'mcp' },
    );
  });

  it('completes through the gate when the same call finishes the steps; updates notes, blockers and PR', async () => {
    const server = await connect({ COORD_TASK: 'a', COORD_AGENT: 'Codex' });
    const updated = resultJson(
      await server.call('update_task', { note: 'halfway', blocker: 'waits for review', pr: 42 }),
    );
    assert.equal(updated.prNumber, 42);
    assert.deepEqual(raw('a_base').blockers, ['waits for review']);
    await server.call('update_task', { unblock: 'waits for review' });
    assert.deepEqual(raw('a_base').blockers ?? [], []);
    const done = await server.call('update_task', {
      status: 'completed',
      progress: { done: 6, total: 6 },
    });
    assert.equal(done.isError, undefined, resultText(done));
    assert.equal(raw('a_base').status, 'completed');
    assert.equal(raw('a_base').overrides, undefined);
    assert.ok(raw('a_base').notes?.some((note) => note.includes('halfway')));
  });

  it("refuses edits to another task unless the setting or --allow-other-tasks allows them; the actor is the client's name without COORD_AGENT", async () => {
    const own = await connect({ COORD_TASK: 'a_base', COORD_AGENT: 'Codex' });
    const refused = await own.call('update_task', { task: 'c_free', note: 'not mine' });
    assert.equal(refused.isError, true);
    assert.equal(
      resultText(refused),
      'Cannot edit c_free: this agent works on a_base; start the server with --allow-other-tasks to edit other tasks.',
    );
    const none = await connect({});
    assert.match(
      resultText(await none.call('update_task', { task: 'c', note: 'x' })),
      /COORD_TASK is not set/,
    );

    repo.write(
      '.vscode/settings.json',
      '{ // as VS Code writes it\n "coordinator.mcp.allowOtherTasks": true, }\n',
    );
    const bySetting = await connect({ COORD_TASK: 'a_base', COORD_AGENT: 'Codex' });
    const noted = await bySetting.call('update_task', {
      task: 'c_free',
      note: 'allowed by the setting',
    });
    assert.equal(noted.isError, undefined, resultText(noted));
    assert.ok(raw('c_free').notes?.some((note) => note.includes('allowed by the setting')));

    const allowed = await connect({}, ['--allow-other-tasks']);
    const claimed = await allowed.call('claim_task', { task: 'b_next' });
    assert.equal(claimed.isError, true);
    assert.match(
      resultText(claimed),
      /^Cannot start b_next \("Next"\): waits for a_base \(in progress\)\./,
    );
    const forced = await allowed.call('claim_task', { task: 'b_next', force: true });
    assert.equal(forced.isError, undefined, resultText(forced));
    assert.equal(raw('b_next').status, 'in_progress');
    assert.deepEqual(
      raw('b_next').overrides?.map((o) => [o.gate, o.by, o.host]),
      [['start', 'test-client', 'mcp']],
    );
  });

  it('claims its own task in its own worktree, naming its branch, and starts a task in a new worktree through the start gate', async () => {
    const own = join(repo.parent, 'own-worktree');
    repo.git('worktree', 'add', '-q', '-b', 'feat/free-by-hand', own);
    const claimer = await connectCoordMcp(own, {
      COORD_TASK: 'c_free',
      COORD_AGENT: 'Claude Code',
    });
    open.push(claimer);
    const claimed = resultJson(await claimer.call('claim_task'));
    assert.equal(claimed.status, 'in_progress');
    assert.equal(claimed.branch, 'feat/free-by-hand');
    assert.equal(raw('c_free').overrides, undefined);

    const starter = await connect({ COORD_TASK: 'b_next', COORD_AGENT: 'Codex' });
    assert.equal(resultJson(await starter.call('show_task')).branch, null);
    const refused = await starter.call('start_task');
    assert.equal(refused.isError, true);
    assert.match(resultText(refused), /^Cannot start b_next/);
    const started = resultJson(await starter.call('start_task', { force: true }));
    assert.equal(started.outcome, 'created');
    assert.ok(existsSync(String(started.path)), 'the worktree is on disk');
    const flags = started.agentFlags as { claude: string[]; copilot: string[] };
    assert.equal(flags.claude[0], '--mcp-config');
    assert.ok(existsSync(flags.claude[1]!), "the new worktree's Claude Code MCP config");
    assert.equal(raw('b_next').status, 'in_progress');
    assert.deepEqual(
      raw('b_next').overrides?.map((o) => [o.gate, o.by, o.host]),
      [['start', 'Codex', 'mcp']],
    );
  });

  it('starts a task with the same branch, folder and brief as coord start, from the repository settings', async () => {
    repo.write(
      '.vscode/settings.json',
      JSON.stringify({
        'coordinator.worktrees.branchTemplate': 'agents/${agent}/${id}',
        'coordinator.worktrees.pathTemplate': '../${repo}-wt-${id}',
        'coordinator.worktrees.briefFileName': 'BRIEF.md',
        'coordinator.worktrees.ports.base': 31000,
        'coordinator.worktrees.sharedDependencies': ['node_modules'],
      }),
    );
    repo.write('.gitignore', 'node_modules/\n');
    repo.commit('settings');
    repo.write('node_modules/left-pad/index.js', 'module.exports = 1;\n');
    const starter = await connect({ COORD_TASK: 'c_free', COORD_AGENT: 'Claude Code' });
    const reply = await starter.call('start_task');
    assert.equal(reply.isError, undefined, resultText(reply));
    const started = resultJson(reply);
    assert.equal(started.branch, 'agents/claude/c');
    assert.equal(started.path, join(repo.parent, 'Mcp-wt-c'));
    assert.equal(started.briefPath, join(String(started.path), 'BRIEF.md'));
    const [shared] = started.sharedDependencies as {
      folder: string;
      method: string;
      said: string;
    }[];
    assert.equal(shared?.folder, 'node_modules');
    assert.match(shared?.method ?? '', /^(reflink|hardlink)$/);
    assert.match(
      shared?.said ?? '',
      /^node_modules: (cloned copy-on-write|hardlinked) from the main checkout/,
    );
    assert.ok(existsSync(join(String(started.path), 'node_modules/left-pad/index.js')));
    const env = await coord(['env', 'c_free', '--json'], repo.root);
    assert.equal((JSON.parse(env.stdout) as Record<string, string>).COORD_PORT, '31000');
  });

  it('reports agent state to the local state folder, read back by coord agents, never the plan', async () => {
    const before = readFileSync(planPath(), 'utf8');
    const server = await connect({ COORD_TASK: 'a_base', COORD_AGENT: 'Codex' });
    const reported = resultJson(
      await server.call('report_agent_state', { state: 'needs_input', message: 'Which port?' }),
    );
    assert.equal(reported.state, 'needs_input');
    const bad = await server.call('report_agent_state', { state: 'failed' });
    assert.equal(bad.isError, true);
    assert.equal(resultText(bad), 'a failed agent needs its exit code');

    const cli = await coord(['agent-state', 'c_free', 'failed', '--exit-code', '3'], repo.root);
    assert.equal(cli.code, 0, cli.stderr);
    const listed = await coord(['agents', '--json'], repo.root);
    assert.equal(listed.code, 0, listed.stderr);
    const agents = (JSON.parse(listed.stdout) as { agents: Record<string, unknown>[] }).agents;
    assert.deepEqual(
      agents.map((a) => [a.task, a.shown, a.agent, a.message ?? a.exitCode]),
      [
        ['a_base', 'needs_input', 'Codex', 'Which port?'],
        ['c_free', 'failed', 'Test User', 3],
      ],
    );
    const stateFile = join(repo.root, '.git', 'coordinator', 'agents', 'a_base.json');
    assert.ok(existsSync(stateFile));
    assert.equal(readFileSync(planPath(), 'utf8'), before, 'agent state never touches the plan');
    assert.equal(repo.git('status', '--porcelain'), '');
  });

  it(`keeps every update of ${WORKERS} concurrent clients × 20 updates`, async () => {
    const servers = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) =>
        connect({ COORD_TASK: `w${i}`, COORD_AGENT: `agent-${i}` }),
      ),
    );
    const started = performance.now();
    await Promise.all(
      servers.map(async (server, i) => {
        for (let n = 0; n < 20; n++) {
          const result = await server.call('update_task', { note: `w${i} update ${n}` });
          assert.equal(result.isError, undefined, resultText(result));
        }
      }),
    );
    const elapsed = performance.now() - started;
    console.log(
      `      ${WORKERS * 20} concurrent updates in ${elapsed.toFixed(0)} ms (${(elapsed / (WORKERS * 20)).toFixed(1)} ms each)`,
    );
    for (let i = 0; i < WORKERS; i++) {
      const notes = raw(`w${i}`).notes ?? [];
      for (let n = 0; n < 20; n++) {
        assert.ok(
          notes.some((note) => note.includes(`w${i} update ${n}`)),
          `w${i} update ${n} is kept`,
        );
      }
      assert.equal(notes.length, 20);
    }
  });
});
