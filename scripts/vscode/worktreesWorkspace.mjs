// The workspace of the `worktrees` scenarios: the lukhas plan in a real git repository with the
// files a task worktree gets (`.worktreeinclude`, an untracked `.env`, `.dev/locks/`) and settings
// whose agent and setup commands only write marker files, so a test can see they really ran.
import fs from 'node:fs';
import path from 'node:path';
import { LUKHAS_TASK_FILE, createGitRepo, lukhasTaskFileText } from './workspaces.mjs';

export const AGENT_MARKER = '.agent-marker';
export const SETUP_MARKER = '.setup-marker';

export function worktreesWorkspace(parent) {
  const settings = {
    'coordinator.agents': {
      // Writes what it was given and where it ran; nothing else.
      Codex: `printf '%s\\n' \${taskId} \${branch} \${brief} "$PWD" "$COORD_PORT" "$DATABASE_NAME" > ${AGENT_MARKER}`,
      'Claude Code': '',
      Copilot: '',
    },
    'coordinator.worktrees.setupCommand': `echo setup ran > ${SETUP_MARKER}`,
    'coordinator.worktrees.openTerminal': true,
    'coordinator.worktrees.taskEnv': { DATABASE_NAME: 'lukhas_${taskKey}' },
    'coordinator.worktrees.sharedDependencies': ['node_modules'],
    'coordinator.worktrees.openInNewWindow': false,
    'coordinator.guardrails.requirePassBeforeComplete': false,
  };
  const root = createGitRepo(path.join(parent, 'Lukhas'), {
    'README.md': '# Lukhas\n\nFixture repository for Agent Coordinator worktree tests.\n',
    [LUKHAS_TASK_FILE]: lukhasTaskFileText(),
    '.gitignore': `.env*\nnode_modules/\nconfig/local.json\n.dev/locks/*.lock\n${AGENT_MARKER}\n${SETUP_MARKER}\n`,
    '.worktreeinclude': '# untracked files every task worktree needs\nconfig/local.json\n',
    '.dev/locks/.gitkeep': '',
    '.vscode/settings.json': `${JSON.stringify(settings, null, 2)}\n`,
  });
  fs.writeFileSync(path.join(root, '.env'), 'API_TOKEN=fixture-token\n');
  // An installed package, shared with each new task worktree (coordinator.worktrees.sharedDependencies).
  fs.mkdirSync(path.join(root, 'node_modules', 'left-pad'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'node_modules', 'left-pad', 'index.js'),
    'module.exports = 1;\n',
  );
  fs.mkdirSync(path.join(root, 'config'), { recursive: true });
  fs.writeFileSync(path.join(root, 'config', 'local.json'), '{ "local": true }\n');
  return root;
}
