import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CoordLauncher } from '../../plan-merge/model/driverSetup';
import { withoutMcpRuntimeFlags } from '../../agents/model/mcpRuntimeFlags';

/**
 * This very `coord`, by absolute paths: the node that runs it (with its options, e.g. a loader)
 * and the script itself with links resolved, so hooks work where `coord` is not on PATH. A
 * `coord mcp` leaves out its own memory options: the launcher adds them to servers only.
 */
export function currentCoordLauncher(): CoordLauncher {
  const script = realpathSync(resolve(process.argv[1]));
  return { command: [process.execPath, ...withoutMcpRuntimeFlags(process.execArgv), script] };
}
