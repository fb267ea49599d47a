import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readAgentStates } from '../../../src/features/agents/agentStateStore';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';
import { CLAUDE_EVENTS, CODEX_TURN_COMPLETE, COPILOT_EVENTS } from './agentPayloads';
import { codexOverrides } from './codexToml';

interface StartJson {
  path: string;
  agentCommand: string | null;
  agentSetup: {
    dir: string;
    launcherDir: string;
    files: string[];
    flags: Record<string, string[]>;
  };
}

/** What an agent's process gives its hooks: its own environment, without the terminal's task. */
const HOOK_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };

describe('a stand-in agent sends the documented events through the generated hooks', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  let started: StartJson;
  before(async () => {
    repo = createTempRepo({ name: 'Hooks' });
    repo.write(
      'task_status.json',
      JSON.stringify({
        schema_version: '1.0',
        tasks: { g: { t1: { id: 't1', name: 'One', owner: 'claude', status: 'not_started' } } },
      }),
    );
    repo.write(
      '.vscode/settings.json',
      JSON.stringify({ 'coordinator.agents': { claude: 'claude "Read ${brief}"' } }),
    );
    repo.commit('plan');
    const run = await coord(['start', 't1', '--json', '--trusted'], repo.root);
    assert.equal(run.code, 0, run.stderr);
    started = JSON.parse(run.stdout) as StartJson;
  });
  after(() => repo.dispose());

  it('starts the agent with its flags, and shows nothing in git status', () => {
    const setup = started.agentSetup;
    assert.ok(setup.dir.startsWith(`${repo.root}/.git/worktrees/`), setup.dir);
    assert.equal(setup.launcherDir, `${repo.root}/.git/coordinator/bin`);
    assert.equal(
      started.agentCommand,
      `claude --mcp-config ${setup.dir}/claude-mcp.json --settings ${setup.dir}/claude-settings.json "Read "${started.path}/TASK_BRIEF.md""`,
    );
    const status = spawnSync('git', ['status', '--porcelain', '--ignored=no'], {
      cwd: started.path,
      encoding: 'utf8',
    });
    assert.equal(status.stdout, '');
  });

  it('records each Claude Code hook as its state, saying nothing on stdout', async () => {
    const settingsFile = started.agentSetup.files.find((file) =>
      file.endsWith('claude-settings.json'),
    );
    const settings = JSON.parse(readFileSync(settingsFile!, 'utf8')) as {
      hooks: Record<string, { hooks: { command: string }[] }[]>;
    };
    const expected: [keyof typeof CLAUDE_EVENTS, string, string | undefined][] = [
      ['SessionStart', 'idle', undefined],
      ['UserPromptSubmit', 'working', undefined],
      ['PostToolUse', 'working', undefined],
      ['Notification', 'needs_input', 'Claude needs your permission to use Bash'],
      ['Stop', 'idle', undefined],
      ['SessionEnd', 'finished', undefined],
    ];
    for (const [event, state, message] of expected) {
      const command = settings.hooks[event]?.[0]?.hooks[0]?.command;
      assert.ok(command, event);
      // As Claude Code runs a command hook: through the shell, in the project, input on stdin.
      const run = spawnSync('sh', ['-c', command], {
        cwd: started.path,
        env: HOOK_ENV,
        input: JSON.stringify({ ...CLAUDE_EVENTS[event], cwd: started.path }),
        encoding: 'utf8',
      });
      assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', ''], event);
      const [record] = await readAgentStates(repo.root);
      assert.equal(record?.task, 't1');
      assert.equal(record?.state, state, event);
      assert.equal(record?.message, message, event);
      assert.equal(record?.agent, 'Claude Code');
    }
  });

  it('records each Copilot CLI hook from the .github/hooks file it reads in the worktree', async () => {
    const file = `${started.path}/.github/hooks/coordinator-agent-state.json`;
    assert.ok(started.agentSetup.files.includes(file), started.agentSetup.files.join(', '));
    const config = JSON.parse(readFileSync(file, 'utf8')) as {
      version: number;
      hooks: Record<string, { type: string; bash: string; timeoutSec: number }[]>;
    };
    assert.equal(config.version, 1);
    const expected: [keyof typeof COPILOT_EVENTS, string, string | undefined][] = [
      ['SessionStart', 'idle', undefined],
      ['UserPromptSubmit', 'working', undefined],
      ['PostToolUse', 'working', undefined],
      ['notification', 'needs_input', 'Copilot needs permission to run bash: rm -rf build'],
      ['Stop', 'idle', undefined],
      ['SessionEnd', 'finished', undefined],
    ];
    for (const [event, state, message] of expected) {
      const [hook] = config.hooks[event] ?? [];
      assert.equal(hook?.type, 'command', event);
      // As Copilot CLI runs a command hook: `bash` through the shell, input on stdin.
      const run = spawnSync('bash', ['-c', hook!.bash], {
        cwd: started.path,
        env: HOOK_ENV,
        input: JSON.stringify({ ...COPILOT_EVENTS[event], cwd: started.path }),
        encoding: 'utf8',
      });
      assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', ''], event);
      const [record] = await readAgentStates(repo.root);
      assert.equal(record?.state, state, event);
      assert.equal(record?.message, message, event);
      assert.equal(record?.agent, 'Copilot CLI');
    }
  });

  it("records Codex's notify as idle, the event being its last argument and stdin closed", async () => {
    const notify = codexOverrides(started.agentSetup.flags.codex!).notify as string[];
    const [program, ...args] = notify;
    const run = spawnSync(program!, [...args, JSON.stringify(CODEX_TURN_COMPLETE)], {
      cwd: started.path,
      env: HOOK_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    assert.deepEqual([run.status, run.stderr], [0, '']);
    const [record] = await readAgentStates(repo.root);
    assert.equal(record?.state, 'idle');
    assert.equal(record?.agent, 'Codex');
    assert.equal(record?.message, CODEX_TURN_COMPLETE['last-assistant-message']);
  });

  it('answers an event it cannot read with one line and exit code 1 (2 would block Claude Code)', () => {
    const run = spawnSync(
      `${started.agentSetup.launcherDir}/coord`,
      ['agent-state', 't1', '--from', 'claude'],
      { cwd: started.path, env: HOOK_ENV, input: '{"session_id":"x"}', encoding: 'utf8' },
    );
    assert.deepEqual(
      [run.status, run.stdout, run.stderr],
      [1, '', 'coord: the Claude Code hook input has no hook_event_name\n'],
    );
    const unknown = spawnSync(
      `${started.agentSetup.launcherDir}/coord`,
      ['agent-state', 't1', '--from', 'gemini'],
      { cwd: started.path, env: HOOK_ENV, input: '{}', encoding: 'utf8' },
    );
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /^coord: --from takes claude, codex or copilot, not "gemini"\n$/);
  });
});
