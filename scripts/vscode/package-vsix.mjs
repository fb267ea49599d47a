// `npm run package`: writes dist-vsix/agent-coordinator.vsix with vsce, which runs the release
// build first (the `vscode:prepublish` script, so a plain `npx vsce package` works too).
// Source maps left in dist/ by an earlier development build are removed first: the release build
// writes none, and .vscodeignore lets all of dist/webview/** in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './paths.mjs';

export const vsixPath = path.join(projectRoot, 'dist-vsix', 'agent-coordinator.vsix');

/** Removes source maps under `dir`; a fresh clone has no `dir` yet (vsce's build makes it). */
function removeSourceMaps(dir) {
  if (!fs.existsSync(dir)) {
    return;
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      removeSourceMaps(full);
    } else if (entry.name.endsWith('.map')) {
      fs.rmSync(full);
    }
  }
}

export function packageVsix() {
  removeSourceMaps(path.join(projectRoot, 'dist'));
  fs.mkdirSync(path.dirname(vsixPath), { recursive: true });
  const vsce = path.join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsixPath], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  return vsixPath;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  packageVsix();
}
