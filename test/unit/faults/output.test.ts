import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { TaskModel } from '../../../src/kernel/model/types';
import { buildSnapshot, type SnapshotInput } from '../../../src/features/snapshots/model/build';
import { renderSnapshotMarkdown } from '../../../src/features/snapshots/model/markdown';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { CLI, coord, TSX_LOADER } from '../cli/runCoord';

/* eslint-disable no-control-regex -- these tests look for raw control characters */
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const HOSTILE_KEY = 'evil\u001b]0;pwned\u0007key';
const HOSTILE_NAME = 'Clear \u001b[2J\u001b[H screen \u009b31m and \u202eesrever';
const LINK_OWNER = '[x](javascript:alert(1))';

function plan(tasks: Record<string, unknown>): string {
  return `${JSON.stringify({ schema_version: '1.0', tasks: { main: tasks } }, null, 2)}\n`;
}

function manyTasks(count: number): Record<string, unknown> {
  const tasks: Record<string, unknown> = {};
  for (let n = 0; n < count; n++) {
    tasks[`task_${n}`] = { id: `t${n}`, name: `Task number ${n}`, status: 'not_started' };
  }
  return tasks;
}

/** `coord ARGS | head -1` through a real pipe; the exit status is coord's (pipefail). */
function coordIntoHead(args: string[], cwd: string) {
  const line = [process.execPath, '--import', TSX_LOADER, CLI, ...args]
    .map((word) => `'${word.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const shell = spawn('bash', ['-c', `set -o pipefail; ${line} 2>coord.stderr | head -1`], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    shell.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    shell.once('close', (code) =>
      resolve({ code, stdout, stderr: readFileSync(join(cwd, 'coord.stderr'), 'utf8') }),
    );
  });
}

describe('faults: CLI output', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  afterEach(() => repo?.dispose());

  it('coord list | head -1 ends quietly with exit 0, every time', async () => {
    repo = createTempRepo({ name: 'Plan', empty: true });
    repo.write('task_status.json', plan(manyTasks(3000)));
    const trials = 4;
    let quiet = 0;
    const problems: string[] = [];
    for (let trial = 0; trial < trials; trial++) {
      const run = await coordIntoHead(['list'], repo.root);
      if (run.code === 0 && run.stderr === '' && run.stdout.split('\n').length === 2) {
        quiet += 1;
      } else {
        problems.push(`exit ${run.code}: ${run.stderr.split('\n')[0]}`);
      }
    }
    console.log(
      `      quiet endings: ${quiet} of ${trials}${problems.length ? `; ${problems[0]}` : ''}`,
    );
    assert.equal(quiet, trials, problems.join('\n'));
  });

  it('escapes control characters from keys and names in list and show, and keeps --json exact', async () => {
    repo = createTempRepo({ name: 'Plan', empty: true });
    repo.write(
      'task_status.json',
      plan({ [HOSTILE_KEY]: { id: 'e1', name: HOSTILE_NAME, status: 'in_progress' } }),
    );
    const list = await coord(['list'], repo.root);
    const show = await coord(['show', 'e1'], repo.root);
    const json = await coord(['list', '--json'], repo.root);
    const raw = [list, show, json].filter((run) => RAW_CONTROLS.test(run.stdout + run.stderr));
    console.log(`      outputs with raw control characters: ${raw.length} of 3`);
    assert.equal(list.code, 0, list.stderr);
    assert.equal(show.code, 0, show.stderr);
    assert.equal(raw.length, 0);
    assert.ok(list.stdout.includes('\\u001b[2J'), list.stdout);
    assert.ok(show.stdout.includes('\\u202eesrever'), show.stdout);
    assert.ok(json.stdout.includes(HOSTILE_NAME.slice(0, 6)));
    assert.ok(
      JSON.stringify(JSON.parse(json.stdout)).includes(JSON.stringify(HOSTILE_NAME).slice(1, -1)),
    );
  });

  it('treats the word after an option as its value: --note -h stores "-h"', async () => {
    repo = createTempRepo({ name: 'Plan', empty: true });
    repo.write('task_status.json', plan({ task_a: { id: 'a', name: 'A', status: 'in_progress' } }));
    const run = await coord(['set', 'a', '--note', '-h', '--owner', '--help'], repo.root);
    const written = JSON.parse(readFileSync(join(repo.root, 'task_status.json'), 'utf8')) as {
      tasks: { main: { task_a: { notes?: unknown; owner?: unknown } } };
    };
    console.log(`      exit ${run.code}; notes ${JSON.stringify(written.tasks.main.task_a.notes)}`);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /usage:/);
    assert.equal(written.tasks.main.task_a.owner, '--help');
    assert.match(JSON.stringify(written.tasks.main.task_a.notes), /"-h"/);

    const help = await coord(['set', 'a', '-h'], repo.root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: coord set/);
  });

  it('a task file removed while a command runs is one line and exit 1, not a stack trace', async () => {
    repo = createTempRepo({ name: 'Plan', empty: true });
    repo.write(
      'task_status.json',
      JSON.stringify({
        schema_version: '1.0',
        tasks: { main: { task_a: { id: 'a', name: 'A', status: 'in_progress' } } },
        pre_audit_guardrails: {
          removes_plan: { status: 'pending', required: true, command: 'rm task_status.json' },
        },
      }),
    );
    const run = await coord(['guardrails', 'run', '--trusted'], repo.root);
    const coordLines = run.stderr.split('\n').filter((line) => line.startsWith('coord:'));
    const stackLines = run.stderr.split('\n').filter((line) => /^\s+at /.test(line));
    console.log(
      `      exit ${run.code}; ${coordLines.join(' | ')}; stack lines: ${stackLines.length}`,
    );
    assert.equal(run.code, 1);
    assert.equal(stackLines.length, 0);
    assert.equal(coordLines.length, 1, run.stderr);
    assert.match(
      coordLines[0],
      /^coord: task_status\.json: results not recorded: the task file is gone/,
    );
  });

  it('snapshot Markdown: an owner cannot become a link, a PR links only to its https address', async () => {
    repo = createTempRepo({ name: 'Plan', empty: true });
    repo.write(
      'task_status.json',
      plan({
        task_a: {
          id: 'a',
          name: 'Docs <img src=x onerror=alert(1)> `code` | pipe',
          owner: LINK_OWNER,
          status: 'in_progress',
          branch: 'feat/a',
        },
      }),
    );
    const run = await coord(['snapshot', '--offline'], repo.root);
    assert.equal(run.code, 0, run.stderr);
    const folder = join(repo.root, 'docs', 'audits', 'coordination');
    const markdownFile = readdirSync(folder, { recursive: true, encoding: 'utf8' }).find((name) =>
      name.endsWith('latest.md'),
    );
    const markdown = readFileSync(join(folder, markdownFile ?? 'missing'), 'utf8');

    const loaded = loadTaskFile(readFileSync(join(repo.root, 'task_status.json'), 'utf8'));
    const pr = {
      number: 9,
      title: 'Fix [it](javascript:alert(2))',
      url: 'javascript:alert(3)//https://github.com/o/r/pull/9',
      state: 'open' as const,
      draft: false,
      headRef: 'feat/a',
      headSha: 'a'.repeat(40),
      baseRef: 'main',
      labels: [],
    };
    const elsewhere = { ...pr, number: 10, url: 'https://evil.example/phish/pull/10' };
    const genuine = { ...pr, number: 11, url: 'https://github.com/o/r/pull/11' };
    const withPr = renderSnapshotMarkdown(
      buildSnapshot({
        now: new Date('2026-01-01T00:00:00Z'),
        loaded: loaded as SnapshotInput['loaded'] & { model: TaskModel },
        worktrees: [],
        github: {
          repository: { owner: 'o', repo: 'r' },
          fetchedAt: '2026-01-01T00:00:00.000Z',
          openPullRequests: [pr, elsewhere, genuine],
          tasks: { task_a: { taskKey: 'task_a', pr, matchedBy: 'branch' } },
          requestCount: 1,
        },
      }),
    );
    const links = [...(markdown + withPr).matchAll(/(?<!\\)\[[^\]]*\]\(([^)]*)\)/g)].map(
      (match) => match[1],
    );
    const html = (markdown + withPr).match(/<img/g) ?? [];
    console.log(
      `      links in the Markdown: ${JSON.stringify(links)}; raw <img tags: ${html.length}`,
    );
    assert.deepEqual(links, ['https://github.com/o/r/pull/11']);
    assert.equal(html.length, 0);
    assert.ok(markdown.includes('\\[x\\](javascript:alert(1))'), 'the owner is shown as text');
  });
});
