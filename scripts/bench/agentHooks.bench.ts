// A Claude Code state hook as the agent runs it: `sh -c` on the generated hook line, through the
// repository's `coord` launcher and the release bundle, the hook input on stdin. Its time is a
// ratio to starting a bare Node in the same run (the floor of any hook written in JavaScript).
// Claude Code cancels SessionEnd hooks that outlive the session, so this time matters.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { installLauncher, launcherCommand } from '../../src/features/agents/launcher/coordLauncher';
import { agentSetup } from '../../src/features/agents/model/setup/agentSetup';

const RUNS = 20;
const root = join(__dirname, '..', '..');
const cliBundle = join(root, 'dist', 'cli.js');
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

async function main(): Promise<void> {
  if (!existsSync(cliBundle)) {
    execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
  }
  const repo = realpathSync(mkdtempSync(join(tmpdir(), 'coord-hook-bench-')));
  try {
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    writeFileSync(join(repo, 'task_status.json'), '{"schema_version":"1.0","tasks":{}}\n');
    const launcher = await installLauncher(join(repo, '.git', 'coordinator', 'bin'), [
      process.execPath,
      cliBundle,
    ]);
    const setup = agentSetup({
      launcher: launcherCommand(launcher),
      taskKey: 't1',
      env: { COORD_TASK: 't1' },
      taskFilePath: join(repo, 'task_status.json'),
      dir: repo,
      projectMcpServers: [],
      approveProjectServers: true,
    });
    const settings = JSON.parse(
      setup.files.find((file) => file.path.endsWith('claude-settings.json'))!.text,
    ) as { hooks: Record<string, { hooks: { command: string }[] }[]> };
    const hook = settings.hooks.UserPromptSubmit![0]!.hooks[0]!.command;
    const input = JSON.stringify({
      session_id: 'bench',
      transcript_path: '/tmp/t.jsonl',
      cwd: repo,
      hook_event_name: 'UserPromptSubmit',
      prompt: 'go',
    });
    const hookMs: number[] = [];
    const nodeMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let started = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      nodeMs.push(performance.now() - started);
      started = performance.now();
      const run = spawnSync('sh', ['-c', hook], { cwd: repo, input, encoding: 'utf8' });
      hookMs.push(performance.now() - started);
      if (run.status !== 0) {
        throw new Error(`the hook failed: ${run.stderr}`);
      }
    }
    const state = JSON.parse(
      readFileSync(join(repo, '.git', 'coordinator', 'agents', 't1.json'), 'utf8'),
    ) as { state: string };
    const hookP50 = percentile(hookMs, 0.5);
    const nodeP50 = percentile(nodeMs, 0.5);
    console.log(
      `agentHooks: Claude Code hook through the launcher p50 ${hookP50.toFixed(0)} ms, p90 ${percentile(hookMs, 0.9).toFixed(0)} ms (state ${state.state})`,
    );
    console.log(
      `agentHooks: bare node start p50 ${nodeP50.toFixed(0)} ms; hook / node ratio ${(hookP50 / nodeP50).toFixed(2)}`,
    );
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
