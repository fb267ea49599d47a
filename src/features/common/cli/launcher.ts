import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CoordLauncher } from '../../plan-merge/model/driverSetup';

/**
 * This very `coord`, by absolute paths: the node that runs it (with its options, e.g. a loader)
 * and the script itself with links resolved, so hooks work where `coord` is not on PATH.
 */
export function currentCoordLauncher(): CoordLauncher {
  const script = realpathSync(resolve(process.argv[1]));
  return { command: [process.execPath, ...process.execArgv, script] };
}
