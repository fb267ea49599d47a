// The demo repository: the lukhas task file in a small, plausible project whose Makefile has quick,
// harmless guardrail targets, two task worktrees beside it, a stand-in agent for every owner and
// pull requests served by a stand-in GitHub (scripts/demo/), all labelled as demo data.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths.mjs';
import { LUKHAS_TASK_FILE, createGitRepo, git, lukhasTaskFileText } from './workspaces.mjs';

/** Make targets named by the fixture's pre_audit_guardrails commands. */
const GUARDRAIL_TARGETS = {
  'state-sweep': [
    'echo "Sweeping state..."',
    'sleep 1',
    'mkdir -p docs/audits/live',
    'echo "state sweep: 0 findings"',
  ],
  'shadow-diff': [
    'echo "Comparing shadow responses..."',
    'sleep 2',
    'echo "shadow diff: 0 differences"',
  ],
  'compat-enforce': ['echo "Checking compatibility shims..."', 'sleep 1', 'echo "0 violations"'],
  'openapi-spec': ['echo "Generating OpenAPI spec..."', 'sleep 1', 'echo "wrote openapi.json"'],
  'openapi-headers-guard': [
    'echo "Checking rate-limit headers in OpenAPI..."',
    'sleep 1',
    'echo "pass"',
  ],
};

function makefile() {
  const targets = Object.keys(GUARDRAIL_TARGETS);
  const rules = Object.entries(GUARDRAIL_TARGETS).map(
    ([target, lines]) => `${target}:\n${lines.map((line) => `\t@${line}`).join('\n')}\n`,
  );
  return `# Guardrails named in docs/plans/task_status.json (demo recipes: quick and harmless).\n.PHONY: ${targets.join(' ')}\n\n${rules.join('\n')}`;
}

const FILES = {
  'README.md':
    '# Lukhas\n\nDemo repository for Agent Coordinator: the real lukhas task file, a tiny API and guardrails.\n',
  '.gitignore': '__pycache__/\n.dev/\n',
  Makefile: makefile(),
  'lukhas/__init__.py': '',
  'lukhas/api/server.py':
    'from http import HTTPStatus\n\n\ndef health() -> tuple[int, dict[str, str]]:\n    return HTTPStatus.OK, {"status": "ok"}\n',
  'lukhas/api/rate_limit.py':
    'def retry_after_seconds(remaining: int, reset_in: float) -> int:\n    return 0 if remaining > 0 else max(1, round(reset_in))\n',
  'tests/test_server.py':
    'from lukhas.api.server import health\n\n\ndef test_health() -> None:\n    assert health()[1]["status"] == "ok"\n',
  'docs/openapi/lukhas_openapi.json': `${JSON.stringify({ openapi: '3.1.0', info: { title: 'Lukhas', version: '0.1.0' }, paths: {} }, null, 2)}\n`,
};

/** The stand-in agent every owner's command line starts in the demo (no network, no real agent). */
export const DEMO_AGENT = path.join(projectRoot, 'scripts', 'demo', 'demo-agent');

/** The demo's GitHub repository, as its `origin` remote names it; served by the stand-in GitHub. */
export const DEMO_REMOTE = { owner: 'agent-coordinator-demo', repo: 'Lukhas' };

/**
 * What the demo changes in the fixture plan so the seeded repository agrees with it: a task with a
 * worktree is in progress, every task has a branch of its own, and the PR numbers match the
 * stand-in GitHub's pull requests.
 */
const TASK_CHANGES = {
  task1_shadow_diff: {
    status: 'in_progress',
    pr_number: 412,
    progress: { total_steps: 5, completed_steps: 2, percentage: 40 },
  },
  // The fixture gives cc1 and cc2 the same branch; in the demo cc1 has its own.
  cc1_guardrails: { branch: 'chore/claude/pre-audit-guardrails' },
  cc2_dashboard: { pr_number: 410 },
  taskC_log_redaction: {
    status: 'completed',
    pr_number: 398,
    progress: { total_steps: 4, completed_steps: 4, percentage: 100 },
  },
};

/**
 * Tasks under way elsewhere: a worktree named `<Repo>-<agent>-<short>` beside the main checkout on
 * the task's branch, with one commit of work on it.
 */
export const DEMO_WORKTREES = [
  {
    task: 'cc2_dashboard',
    dir: 'Lukhas-claude-coordinator',
    file: 'docs/coordination/dashboard.md',
    text: '# Coordination dashboard\n\nDraft layout of the coordination dashboard.\n',
  },
  {
    task: 'task1_shadow_diff',
    dir: 'Lukhas-codex-shadow-diff',
    file: 'tools/shadow_diff.py',
    text: 'def shadow_diff(primary: dict, shadow: dict) -> list[str]:\n    return sorted(k for k in primary.keys() | shadow.keys() if primary.get(k) != shadow.get(k))\n',
  },
];

const DEMO_LABEL = 'demo data';

/**
 * The stand-in GitHub's pull requests (in the fake's shape), labelled as demo data: an open PR
 * with a failing check, a draft with its checks running, and a merged one for the completed task.
 */
export const DEMO_PULLS = [
  {
    task: 'cc2_dashboard',
    number: 410,
    title: 'Coordination dashboard (demo data)',
    state: 'open',
    checks: [
      { name: 'unit', status: 'completed', conclusion: 'success' },
      { name: 'lint', status: 'completed', conclusion: 'failure' },
    ],
  },
  {
    task: 'task1_shadow_diff',
    number: 412,
    title: 'Shadow-diff harness (demo data)',
    state: 'open',
    draft: true,
    checks: [
      { name: 'unit', status: 'completed', conclusion: 'success' },
      { name: 'shadow-diff', status: 'in_progress', conclusion: null },
    ],
  },
  {
    task: 'taskC_log_redaction',
    number: 398,
    title: 'Log redaction v2 (demo data)',
    state: 'closed',
    merged: true,
    checks: [{ name: 'unit', status: 'completed', conclusion: 'success' }],
  },
];

/** The demo plan: the fixture with TASK_CHANGES applied (same order and fields otherwise). */
export function demoTaskFile() {
  const plan = JSON.parse(lukhasTaskFileText());
  for (const group of Object.values(plan.tasks)) {
    for (const [key, task] of Object.entries(group)) {
      Object.assign(task, TASK_CHANGES[key] ?? {});
    }
  }
  return plan;
}

function taskOf(plan, key) {
  const task = Object.values(plan.tasks)
    .map((group) => group[key])
    .find(Boolean);
  if (!task) {
    throw new Error(`The demo names task ${key}, which the plan does not have.`);
  }
  return task;
}

/** The pull requests as the fake GitHub takes them (`FakePull` without its sha, added by the fake). */
export function demoPulls(plan = demoTaskFile()) {
  return DEMO_PULLS.map((pull) => ({
    number: pull.number,
    title: pull.title,
    body: `Demo data from the stand-in GitHub of \`npm run demo\`, for task ${pull.task}.`,
    state: pull.state,
    merged: pull.merged ?? false,
    draft: pull.draft ?? false,
    head: taskOf(plan, pull.task).branch,
    base: 'main',
    author: 'demo-bot',
    authorType: 'Bot',
    labels: [DEMO_LABEL],
    requestedReviewers: [],
    mergeable: pull.state === 'open' ? true : null,
  }));
}

/** Workspace settings: every owner's agent is the stand-in; PRs come from `apiBaseUrl`. */
function demoSettings(apiBaseUrl) {
  const agent = `${DEMO_AGENT} \${taskId} \${brief}`;
  return {
    'coordinator.agents': {
      Codex: agent,
      'Claude Code': agent,
      Copilot: agent,
      Human: '',
    },
    'coordinator.worktrees.openInNewWindow': false,
    ...(apiBaseUrl ? { 'coordinator.github.apiBaseUrl': apiBaseUrl } : {}),
  };
}

/**
 * Builds the demo under `parent` (emptied first) and returns the main checkout's path.
 * `apiBaseUrl`: where the stand-in GitHub listens, when one runs.
 */
export function createDemoWorkspace(parent, { apiBaseUrl } = {}) {
  fs.rmSync(parent, { recursive: true, force: true });
  fs.mkdirSync(parent, { recursive: true });
  const plan = demoTaskFile();
  const main = createGitRepo(path.join(parent, 'Lukhas'), {
    ...FILES,
    [LUKHAS_TASK_FILE]: `${JSON.stringify(plan, null, 2)}\n`,
    '.vscode/settings.json': `${JSON.stringify(demoSettings(apiBaseUrl), null, 2)}\n`,
  });
  git(main, [
    'remote',
    'add',
    'origin',
    `https://github.com/${DEMO_REMOTE.owner}/${DEMO_REMOTE.repo}.git`,
  ]);
  for (const { task, dir, file, text } of DEMO_WORKTREES) {
    const worktree = path.join(parent, dir);
    git(main, ['worktree', 'add', '-q', '-b', taskOf(plan, task).branch, '--', worktree, 'main']);
    fs.mkdirSync(path.dirname(path.join(worktree, file)), { recursive: true });
    fs.writeFileSync(path.join(worktree, file), text);
    git(worktree, ['add', '--', file]);
    git(worktree, ['commit', '-q', '-m', `${taskOf(plan, task).name}: first draft`]);
  }
  return main;
}
