// The workspace of the `guardrails` scenarios: the lukhas repository whose pre_audit_guardrails run
// quick, harmless shell lines instead of make targets. Each writes a marker under .dev/ran/ so a
// test can tell whether it ran.
import path from 'node:path';
import { createGitRepo, LUKHAS_TASK_FILE, lukhasTaskFileText } from './workspaces.mjs';

const mark = (key) => `mkdir -p .dev/ran && touch .dev/ran/${key}`;

/** Commands by guardrail key: one passes (with colours), one waits for task1, one fails, one must print "pass". */
export const GUARDRAIL_COMMANDS = {
  state_sweep: `${mark('state_sweep')}; printf '\\033[32mstate sweep ok\\033[0m: 12 modules\\n'`,
  shadow_diff: `${mark('shadow_diff')}; echo shadow diff`,
  compat_enforce: `${mark('compat_enforce')}; printf '\\033[1;31m2 violations\\033[0m\\n' >&2; exit 1`,
  openapi_validation: `${mark('openapi_validation')}; echo 'openapi headers guard: pass'`,
};

export function guardrailsTaskFileText() {
  const file = JSON.parse(lukhasTaskFileText());
  for (const [key, command] of Object.entries(GUARDRAIL_COMMANDS)) {
    file.pre_audit_guardrails[key].command = command;
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function guardrailsWorkspace(parent) {
  return createGitRepo(path.join(parent, 'Lukhas'), {
    'README.md': '# Lukhas\n\nFixture repository for the guardrail tests.\n',
    '.gitignore': '.dev/\ndocs/audits/\n.vscode/\n',
    [LUKHAS_TASK_FILE]: guardrailsTaskFileText(),
  });
}
