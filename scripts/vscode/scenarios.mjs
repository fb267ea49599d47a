// The real-VS-Code scenarios run by `npm run test:host`. Add one by appending an entry:
//
//   {
//     name: 'broken-file',                  // unique; `npm run test:host -- broken-file` runs only it
//     workspace: (parent) => createGitRepo(path.join(parent, 'Broken'), { 'task_status.json': '{' }),
//     untrusted: false,                     // true leaves out --disable-workspace-trust
//     hostTests: ['diagnostics'],           // test/host/suite/<name>.test.ts files run in the extension host
//     grep: 'diagnostic',                   // optional mocha grep over those files' full titles
//     uiTests: ['problems'],                // optional test/ui/<name>.test.ts files run with the Playwright page
//     env: { NAME: 'value' },               // optional extra environment of code-server and its extension host
//     settings: { 'coordinator.x': true },  // optional user settings written before code-server starts
//     extension: 'shipped',                 // optional: the host suite runs against the extension as
//                                           // packaged instead of its host-test build (no `testing`)
//   }
//
// A workspace builder receives an empty temporary directory (removed afterwards) and returns the
// absolute path of the folder to open, normally a real git repository made with createGitRepo(),
// or of a `.code-workspace` file for a multi-root window.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { conflictsWorkspace } from './conflictsWorkspace.mjs';
import { createDemoWorkspace } from './demo-workspace.mjs';
import { guardrailsWorkspace } from './guardrailsWorkspace.mjs';
import { planBranchesWorkspace } from './planBranchesWorkspace.mjs';
import { fixturesDir, projectRoot } from './paths.mjs';
import {
  createGitRepo,
  emptyWorkspace,
  git,
  lukhasWorkspace,
  multiRootWorkspace,
} from './workspaces.mjs';
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
 * @property {Record<string, string>} [env]
 * @property {Record<string, unknown>} [settings]
 * @property {'shipped' | 'host-test'} [extension] which build the host suite loads: 'host-test'
 *   (default) is out/host-extension, whose activate() also returns the `testing` API; 'shipped' is
 *   the project folder as packaged. The UI tests always use the shipped extension.
 */

/** @type {Scenario[]} */
export const scenarios = [
  {
    name: 'lukhas',
    extension: 'shipped',
    workspace: lukhasWorkspace,
    hostTests: ['foundation'],
    uiTests: ['foundation'],
  },
  {
    name: 'empty',
    extension: 'shipped',
    workspace: emptyWorkspace,
    hostTests: ['foundation'],
    grep: '@any-workspace|@shipped',
  },
  {
    name: 'untrusted',
    extension: 'shipped',
    workspace: lukhasWorkspace,
    untrusted: true,
    hostTests: ['foundation'],
    grep: '@any-workspace|@trust|@shipped',
  },
  {
    name: 'tasks',
    workspace: lukhasWorkspace,
    hostTests: ['tasks', 'notifications', 'unsavedEdits'],
    uiTests: ['tasks'],
  },
  {
    name: 'mcp',
    workspace: lukhasWorkspace,
    hostTests: ['mcp'],
  },
  {
    name: 'attention',
    workspace: lukhasWorkspace,
    // Requested reviews are part of the queue; Request Review is tested here too.
    hostTests: ['attention', 'reviews'],
    // The language model tools edit any task here, as the MCP server would with this setting.
    settings: { 'coordinator.mcp.allowOtherTasks': true },
  },
  {
    name: 'multi-root',
    workspace: multiRootWorkspace,
    hostTests: ['multiRoot'],
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
    uiTests: ['dashboard', 'walkthrough'],
  },
  {
    // A generated 1,000-task plan: the whole graph drawn, the board paged.
    name: 'dashboard-scale',
    workspace: (parent) => {
      const plan = path.join(parent, 'plan.json');
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(projectRoot, 'scripts/bench/writeGeneratedPlan.ts'),
          '1000',
          plan,
        ],
        { cwd: projectRoot },
      );
      return createGitRepo(path.join(parent, 'Scale'), {
        'task_status.json': fs.readFileSync(plan, 'utf8'),
      });
    },
    hostTests: [],
    uiTests: ['dashboardScale'],
  },
  {
    name: 'github',
    workspace: lukhasWorkspace,
    hostTests: ['github'],
    grep: '^(?!.*@untrusted)',
  },
  {
    name: 'github-ui',
    workspace: (parent) => {
      const repo = lukhasWorkspace(parent);
      git(repo, ['remote', 'add', 'origin', 'git@github.com:LukhasAI/Lukhas.git']);
      return repo;
    },
    // A made-up token; until the UI test points the client at its fake, requests go to a closed local port.
    // GH_TOKEN, not GITHUB_TOKEN: code-server takes GITHUB_TOKEN for its own GitHub sign-in and hides it.
    env: { GH_TOKEN: 'ghp_UiScenario0123456789abcdefABCDEF0123' },
    settings: {
      'coordinator.github.allowEnvironmentToken': true,
      'coordinator.github.apiBaseUrl': 'http://127.0.0.1:9',
    },
    hostTests: [],
    uiTests: ['github'],
  },
  {
    name: 'github-untrusted',
    workspace: (parent) => {
      const repo = lukhasWorkspace(parent);
      // A repository pointing the GitHub client elsewhere: ignored until the workspace is trusted.
      fs.mkdirSync(path.join(repo, '.vscode'), { recursive: true });
      fs.writeFileSync(
        path.join(repo, '.vscode', 'settings.json'),
        JSON.stringify({
          'coordinator.github.apiBaseUrl': 'http://127.0.0.1:9/api/v3',
          'coordinator.github.owner': 'SomeoneElse',
        }),
      );
      return repo;
    },
    untrusted: true,
    hostTests: ['github'],
    grep: '@untrusted',
  },
  {
    name: 'dashboard-xss',
    workspace: (parent) =>
      createGitRepo(path.join(parent, 'Xss'), {
        'task_status.json': fs.readFileSync(
          path.join(fixturesDir, 'xss', 'task_status.json'),
          'utf8',
        ),
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
  {
    name: 'conflicts',
    workspace: conflictsWorkspace,
    hostTests: ['conflicts'],
  },
  {
    name: 'plan-branches',
    workspace: planBranchesWorkspace,
    hostTests: ['planBranches', 'planImport'],
  },
  {
    // The repository of `npm run demo`: its stand-in agent and (UI test) its stand-in GitHub.
    name: 'demo',
    workspace: (parent) => createDemoWorkspace(path.join(parent, 'demo')),
    env: { DEMO_AGENT_PACE: '1', GH_TOKEN: 'demo-token-not-a-secret' },
    settings: {
      'coordinator.github.allowEnvironmentToken': true,
      // The DOM renderer, so the UI test can read the agent's terminal.
      'terminal.integrated.gpuAcceleration': 'off',
    },
    hostTests: ['demo'],
    uiTests: ['demo'],
    timeoutMs: 420_000,
  },
];
