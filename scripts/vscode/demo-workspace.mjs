// The demo repository: the lukhas task file in a small, plausible project whose Makefile has quick,
// harmless guardrail targets, plus two task worktrees beside it.
import fs from 'node:fs';
import path from 'node:path';
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

/** Two tasks in progress elsewhere: worktrees named `<Repo>-<agent>-<short>` beside the main checkout. */
const WORKTREES = [
  { dir: 'Lukhas-claude-coordinator', branch: 'chore/claude/coordination-dashboard' },
  { dir: 'Lukhas-codex-shadow-diff', branch: 'feat/codex/shadow-diff-harness' },
];

/** Builds the demo under `parent` (emptied first) and returns the main checkout's path. */
export function createDemoWorkspace(parent) {
  fs.rmSync(parent, { recursive: true, force: true });
  fs.mkdirSync(parent, { recursive: true });
  const main = createGitRepo(path.join(parent, 'Lukhas'), {
    ...FILES,
    [LUKHAS_TASK_FILE]: lukhasTaskFileText(),
  });
  for (const { dir, branch } of WORKTREES) {
    git(main, ['worktree', 'add', '-q', '-b', branch, '--', path.join(parent, dir), 'main']);
  }
  return main;
}
