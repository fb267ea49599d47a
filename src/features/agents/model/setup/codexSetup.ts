import { coordinatorServer, type AgentSetupInput } from './setupInput';

export interface CodexSetup {
  /** `-c key=value` pairs; each value is TOML, as Codex reads it. */
  overrides: [key: string, tomlValue: string][];
  flags: string[];
}

/**
 * Codex: everything as `-c` overrides of this run, never in `~/.codex/config.toml`. The server
 * (with its tools approved, so an unattended agent does not stop to ask) and `notify`, which
 * Codex runs with the event's JSON as the last argument at the end of each turn.
 */
export function codexSetup(input: AgentSetupInput, serverName: string): CodexSetup {
  const server = coordinatorServer(input);
  const key = `mcp_servers.${serverName}`;
  const overrides: [string, string][] = [
    [`${key}.command`, tomlString(server.command)],
    [`${key}.args`, tomlArray(server.args)],
    [`${key}.env`, tomlInlineTable(server.env)],
    [`${key}.default_tools_approval_mode`, tomlString('approve')],
    [
      'notify',
      tomlArray([...input.launcher.command, 'agent-state', input.taskKey, '--from', 'codex']),
    ],
  ];
  return {
    overrides,
    flags: overrides.flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  };
}

/** A TOML basic string: JSON's escapes are all TOML escapes too. */
export function tomlString(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
}

function tomlArray(values: readonly string[]): string {
  return `[${values.map(tomlString).join(', ')}]`;
}

function tomlInlineTable(values: Readonly<Record<string, string>>): string {
  const entries = Object.entries(values).map(
    ([name, value]) =>
      `${/^[A-Za-z0-9_-]+$/.test(name) ? name : tomlString(name)} = ${tomlString(value)}`,
  );
  return `{ ${entries.join(', ')} }`;
}
