// Child process of the store fault tests: appends `count` notes to one task through the store, as
// `coord set KEY --note` does, printing "ok N" once each write is acknowledged.
import { TaskFileStore } from '../../../src/platform/taskfile/store';

async function main(): Promise<void> {
  const [file, taskKey, label, countText, lockTimeoutText] = process.argv.slice(2);
  const store = new TaskFileStore(
    file,
    lockTimeoutText ? { lock: { timeoutMs: Number(lockTimeoutText) } } : {},
  );
  process.stdout.write('ready\n');
  for (let i = 1; i <= Number(countText); i++) {
    await store.apply({ kind: 'appendNote', taskKey, text: `${label}-${i}` });
    process.stdout.write(`ok ${i}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
