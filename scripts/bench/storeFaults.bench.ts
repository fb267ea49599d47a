/**
 * The store's fault cases at the counts that first showed the losses (too slow for the unit suite):
 * 8 processes x 240 writes on one file; 8 processes x 40 `coord set` runs of the CLI (CLI_SETS);
 * 4 writers racing an editor-style rename saver (600 saves); 200 seeded kill -9 trials
 * (FAULT_SEED replays, KILL_TRIALS sets the count). Prints each figure; exits 1 on any loss.
 * Run: `node --import tsx scripts/bench/storeFaults.bench.ts` (about 3.5 minutes on 2 cores).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaskFile } from '../../src/kernel/model/load';
import { TaskFileStore } from '../../src/platform/taskfile/store';
import { bundleForFaults } from '../../test/unit/faults/bundle';
import { startNode } from '../../test/unit/faults/child';
import { faultSeed, seededRandom } from '../../test/unit/faults/seed';

const KEYS = ['shared', 'own1', 'own2', 'own3', 'own4', 'own5', 'own6', 'own7'];

function planText(): string {
  const tasks: Record<string, unknown> = {};
  for (const key of KEYS) {
    tasks[key] = { id: key, name: `Task ${key}`, status: 'not_started', notes: [] };
  }
  return `${JSON.stringify({ schema_version: '1.0', last_updated: '2026-01-01T00:00:00Z', tasks }, null, 2)}\n`;
}

function countMissing(
  values: readonly unknown[] | undefined,
  label: string,
  count: number,
): number {
  const present = new Set(values ?? []);
  let lost = 0;
  for (let i = 1; i <= count; i++) {
    lost += present.has(`${label}-${i}`) ? 0 : 1;
  }
  return lost;
}

function notes(file: string, key: string): string[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    tasks: Record<string, { notes?: string[] }>;
  };
  return data.tasks[key].notes ?? [];
}

async function main(): Promise<void> {
  const bundle = await bundleForFaults({
    cli: 'src/cli/main.ts',
    writer: 'test/unit/faults/storeWriter.ts',
    saver: 'test/unit/faults/renameSaver.ts',
  });
  const dir = mkdtempSync(join(tmpdir(), 'coord-store-bench-'));
  const file = join(dir, 'task_status.json');
  const writer = (key: string, label: string, count: number) =>
    startNode(bundle.files.writer, [file, key, label, String(count), '60000']);
  let losses = 0;
  try {
    writeFileSync(file, planText());
    const perWriter = 240;
    let started = Date.now();
    const plans = KEYS.map((_, n) => ({ key: n < 4 ? 'shared' : `own${n}`, label: `w${n}` }));
    const runs = await Promise.all(plans.map((p) => writer(p.key, p.label, perWriter).done));
    let lost = 0;
    for (const p of plans) {
      lost += countMissing(notes(file, p.key), p.label, perWriter);
    }
    const failed = runs.filter((run) => run.code !== 0).length;
    console.log(
      `8 writers x ${perWriter}: ${lost} of ${8 * perWriter} writes lost, ${failed} processes failed (${Date.now() - started} ms)`,
    );
    losses += lost + failed;

    writeFileSync(file, planText());
    const perCli = Number(process.env.CLI_SETS ?? 40);
    started = Date.now();
    const cliRuns = await Promise.all(
      plans.map(async (p) => {
        const codes: (number | null)[] = [];
        for (let i = 1; i <= perCli; i++) {
          const run = await startNode(bundle.files.cli, [
            'set',
            p.key,
            '--note',
            `${p.label}-${i}`,
            '--file',
            file,
          ]).done;
          codes.push(run.code);
        }
        return codes;
      }),
    );
    let cliLost = 0;
    for (const p of plans) {
      cliLost += countMissing(notes(file, p.key), p.label, perCli);
    }
    const cliFailed = cliRuns.flat().filter((code) => code !== 0).length;
    console.log(
      `8 processes x ${perCli} coord set: ${cliLost} of ${8 * perCli} writes lost, ${cliFailed} exited non-zero (${Date.now() - started} ms)`,
    );
    losses += cliLost + cliFailed;

    writeFileSync(file, planText());
    const saves = 600;
    started = Date.now();
    const saver = startNode(bundle.files.saver, [file, String(saves), '4']);
    const writers = ['own1', 'own2', 'own3', 'own4'].map((key) => writer(key, key, 150));
    const raced = await Promise.all([saver.done, ...writers.map((w) => w.done)]);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { external_saves?: string[] };
    const lostSaves = countMissing(data.external_saves, 'save', saves);
    const racedFailed = raced.filter((run) => run.code !== 0).length;
    for (const run of raced.filter((r) => r.code !== 0)) {
      console.log(`  failed: ${run.stderr.trim()}`);
    }
    console.log(
      `rename saver vs 4 writers: ${lostSaves} of ${saves} external saves lost, ${racedFailed} processes failed (${Date.now() - started} ms)`,
    );
    losses += lostSaves + racedFailed;

    writeFileSync(file, planText());
    const seed = faultSeed();
    const random = seededRandom(seed);
    const trials = Number(process.env.KILL_TRIALS ?? 200);
    let stuck = 0;
    let invalid = 0;
    let leftovers = 0;
    let lostAcknowledged = 0;
    started = Date.now();
    for (let trial = 1; trial <= trials; trial++) {
      const key = KEYS[Math.floor(random() * 3)];
      const child = writer(key, `kill${trial}`, 100_000);
      await child.printed('ready');
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 30)));
      child.process.kill('SIGKILL');
      const run = await child.done;
      const acknowledged = (run.stdout.match(/^ok \d+$/gm) ?? []).length;
      await new TaskFileStore(file, { lock: { timeoutMs: 4_000 } })
        .apply({ kind: 'appendNote', taskKey: 'own7', text: `check-${trial}` })
        .catch(() => stuck++);
      if (loadTaskFile(readFileSync(file, 'utf8')).broken) {
        invalid++;
        writeFileSync(file, planText());
        continue;
      }
      leftovers += readdirSync(dir).filter((name) => name !== 'task_status.json').length;
      lostAcknowledged += countMissing(notes(file, key), `kill${trial}`, acknowledged);
    }
    console.log(
      `kill -9 x${trials} (FAULT_SEED=${seed}): ${stuck} stuck, ${invalid} invalid, ${leftovers} leftovers, ${lostAcknowledged} acknowledged writes lost (${Date.now() - started} ms)`,
    );
    losses += stuck + invalid + leftovers + lostAcknowledged;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundle.dir, { recursive: true, force: true });
  }
  process.exitCode = losses === 0 ? 0 : 1;
}

void main();
