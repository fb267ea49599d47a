// Activation time of the extension in the real extension host: each window is a fresh page, so a
// fresh extension host, on one code-server. The host suite records what activate() measured.
import { launchBrowser } from './browser.mjs';
import { provision } from './provision.mjs';
import { runScenario } from './scenario-run.mjs';
import { lukhasWorkspace } from './workspaces.mjs';

/**
 * Expects out/host-extension/test/index.js to be built (`node esbuild.js --production --tests`).
 * @param {number} windows
 * @returns {Promise<number[]>} activationMs of each window, in order
 */
export async function measureActivation(windows) {
  provision();
  const { browser, close } = await launchBrowser();
  try {
    const scenario = {
      name: 'bench-activation',
      workspace: lukhasWorkspace,
      hostTests: ['foundation'],
      grep: 'activation time',
      // The figure is the shipped activate()'s, not the host-test build's.
      extension: 'shipped',
    };
    const outcome = await runScenario(scenario, { browser, windows, uiTests: false });
    const broken = outcome.host.find((results) => results.failed > 0);
    if (broken) {
      throw new Error(
        broken.tests.find((t) => t.state === 'failed')?.error?.message ?? 'host run failed',
      );
    }
    return outcome.host.flatMap((results) => results.metrics.activationMs ?? []);
  } finally {
    await close();
  }
}
