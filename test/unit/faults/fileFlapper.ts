// Child process of the store fault tests: a tool that replaces the task file clumsily, leaving it
// briefly missing (moved away and back) or half-written (truncated, then written in two parts).
import { readFile, rename, writeFile } from 'node:fs/promises';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const [file, roundsText, gapText] = process.argv.slice(2);
  const gap = Number(gapText);
  const text = await readFile(file, 'utf8');
  process.stdout.write('ready\n');
  for (let round = 0; round < Number(roundsText); round++) {
    await rename(file, `${file}.away`);
    await pause(gap);
    await rename(`${file}.away`, file);
    await pause(gap);
    await writeFile(file, text.slice(0, text.length >> 1));
    await pause(gap);
    await writeFile(file, text);
    await pause(gap);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
