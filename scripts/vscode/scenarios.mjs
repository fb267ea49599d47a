// The real-VS-Code scenarios run by `npm run test:host`. Add one by appending an entry:
//
//   {
//     name: 'broken-file',                  // unique; `npm run test:host -- broken-file` runs only it
//     workspace: (parent) => createGitRepo(path.join(parent, 'Broken'), { 'task_status.json': '{' }),
//     untrusted: false,                     // true leaves out --disable-workspace-trust
//     hostTests: ['diagnostics'],           // test/host/suite/<name>.test.ts files run in the extension host
//     grep: 'diagnostic',                   // optional mocha grep over those files' full titles
//     uiTests: ['problems'],                // optional test/ui/<name>.test.ts files run with the Playwright page
//   }
//
// A workspace builder receives an empty temporary directory (removed afterwards) and returns the
// absolute path of the folder to open, normally a real git repository made with createGitRepo().
import fs from 'node:fs';
import path from 'node:path';
import { guardrailsWorkspace } from './guardrailsWorkspace.mjs';
import { fixturesDir } from './paths.mjs';
import { createGitRepo, emptyWorkspace, lukhasWorkspace } from './workspaces.mjs';
import { worktreesWorkspace } from './worktreesWorkspace.mjs';
import { worktreesWorkspace } from './worktreesWorkspace.mjs';

/**
 * @typedef {object} Scenario
 * @property {string} name
 * @property {(parent: string) => string} workspace
 * @property {boolean} [untrusted]
 * @property {string[]} hostTests
 * @property {string} [grep]
 * @property {string[]} [uiTests]
 * @property {number} [timeoutMs]
 */

/** @type {Scenario[]} */
export const scenarios = [
  {
    name: 'lukhas',
    workspace: lukhasWorkspace,
    hostTests: ['foundation'],
    uiTests: ['foundation'],
  },
  {
    name: 'empty',
    workspace: emptyWorkspace,
    hostTests: ['foundation'],
    grep: '@any-workspace',
  },
  {
    name: 'untrusted',
    workspace: lukhasWorkspace,
    untrusted: true,
    hostTests: ['foundation'],
    grep: '@any-workspace|@trust',
  },
  {
    name: 'tasks',
    workspace: lukhasWorkspace,
    hostTests: ['tasks'],
    uiTests: ['tasks'],
  },
  {
    name: 'tasks-untrusted',
    workspace: lukhasWorkspace,
    untrusted: true,
    hostTests: ['tasks'],
    grep: "file's groups|Set Status|broken file",
  },
  {
    name: 'tasks-empty',
    workspace: emptyWorkspace,
    hostTests: ['tasksWelcome'],
    uiTests: ['tasksWelcome'],
  },
  {
    name: 'dashboard',
    workspace: lukhasWorkspace,
    hostTests: ['dashboard'],
    uiTests: ['dashboard'],
  },
  {
    name: 'github',
    workspace: lukhasWorkspace,
    hostTests: ['github'],
  },
  {
    name: 'dashboard-xss',
    workspace: (parent) =>
      createGitRepo(path.join(parent, 'Xss'), {
        'task_status.json': fs.readFileSync(path.join(fixturesDir, 'xss', 'task_status.json'), 'utf8'),
      }),
    hostTests: [],
    uiTests: ['dashboardXss'],
  },
  {
    name: 'worktrees',
    workspace: worktreesWorkspace,
    hostTests: ['worktrees'],
    grep: '@trusted|@any-trust',
    uiTests: ['worktrees'],
  },
  {
    name: 'worktrees-untrusted',
    workspace: worktreesWorkspace,
    untrusted: true,
    hostTests: ['worktrees'],
    grep: '@untrusted|@any-trust',
  },
  {
    name: 'worktrees',
    workspace: worktreesWorkspace,
    hostTests: ['worktrees'],
    grep: '@trusted|@any-trust',
    uiTests: ['worktrees'],
  },
  {
    name: 'worktrees-untrusted',
    workspace: worktreesWorkspace,
    untrusted: true,
    hostTests: ['worktrees'],
    grep: '@untrusted|@any-trust',
  },
  {
    name: 'guardrails',
    workspace: guardrailsWorkspace,
    hostTests: ['guardrails'],
    uiTests: ['guardrails'],
  },
  {
    name: 'guardrails-untrusted',
    workspace: guardrailsWorkspace,
    untrusted: true,
    hostTests: ['guardrailsUntrusted'],
  },
];
