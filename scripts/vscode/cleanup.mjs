// Cleanups that must run on normal exit paths (callers' finally blocks) and on SIGINT/SIGTERM.

const pending = new Set();
let installed = false;

function installSignalHandlers() {
  if (installed) {
    return;
  }
  installed = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.once(signal, () => {
      console.error(`\nReceived ${signal}, cleaning up...`);
      runAllCleanups().finally(() => process.exit(code));
    });
  }
}

/** Registers `fn` to run on a signal; returns a function that runs it now (once) and unregisters it. */
export function onCleanup(fn) {
  installSignalHandlers();
  let done = false;
  const run = async () => {
    if (done) {
      return;
    }
    done = true;
    pending.delete(run);
    try {
      await fn();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  pending.add(run);
  return run;
}

export async function runAllCleanups() {
  // Newest first, like a stack of finally blocks.
  for (const run of [...pending].reverse()) {
    await run();
  }
}
