// The server's bundle (`dist/mcp.js`): what the CLI bundle's `mcp` command loads, and all that
// `dist/cli.js` loads for `coord mcp` (see ../cli/bin.ts).
import { exitWith, processContext } from '../../features/common/cli/processRun';
import { runCommand } from '../../features/common/cli/runCommand';
import { command } from './command';

export { serveOverStdio } from './stdioServer';

/** `coord mcp` in this process, with the same failure lines and exit codes as every command. */
export function runMcpFromProcess(args: string[]): void {
  exitWith(runCommand(command, args, processContext()));
}
