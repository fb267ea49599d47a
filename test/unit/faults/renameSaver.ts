// Child process of the store fault tests: an editor that saves the way most editors do (write a
// temp file, rename it over the original), ignoring the store's lock. Each save adds its own
// marker to `external_saves`, so a save the store overwrites shows up as a missing marker.
import { readFile, rename, writeFile } from 'node:fs/promises';

async function readCurrent(file: string): Promise<Record<string, unknown>> {
  for (;;) {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    } catch {
      // Moved aside for a moment by the store: look again.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

async function main(): Promise<void> {
  const [file, countText, pauseText] = process.argv.slice(2);
  const temp = `${file}.saving`;
  for (let i = 1; i <= Number(countText); i++) {
    const data = await readCurrent(file);
    const saves = Array.isArray(data.external_saves) ? data.external_saves : [];
    data.external_saves = [...(saves as unknown[]), `save-${i}`];
    await writeFile(temp, `${JSON.stringify(data, null, 2)}\n`);
    await rename(temp, file);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Number(pauseText)));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
