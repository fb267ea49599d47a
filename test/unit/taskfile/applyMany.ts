// Child process for the concurrency test: applies one edit per call through the store, as an agent's CLI would.
import { TaskFileStore } from '../../../src/platform/taskfile/store';

async function main(): Promise<void> {
  const [file, taskKey, countText] = process.argv.slice(2);
  const store = new TaskFileStore(file);
  const count = Number(countText);
  for (let i = 1; i <= count; i++) {
    await store.apply(
      i % 2 === 0
        ? { kind: 'setProgress', taskKey, completedSteps: i, totalSteps: count }
        : { kind: 'appendNote', taskKey, text: `note ${i}` },
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
