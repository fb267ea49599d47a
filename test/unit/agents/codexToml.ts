import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

/** Each `-c key=value` read the way Codex reads it: the value is TOML (`_ = value`), by Python's tomllib. */
export function codexOverrides(flags: readonly string[]): Record<string, unknown> {
  const pairs: string[] = [];
  for (let i = 0; i < flags.length; i += 2) {
    assert.equal(flags[i], '-c');
    pairs.push(flags[i + 1]!);
  }
  const script = `
import json, sys, tomllib
out = {}
for pair in json.load(sys.stdin):
    key, value = pair.split('=', 1)
    out[key] = tomllib.loads('_ = ' + value)['_']
print(json.dumps(out))
`;
  return JSON.parse(
    execFileSync('python3', ['-c', script], { input: JSON.stringify(pairs), encoding: 'utf8' }),
  ) as Record<string, unknown>;
}
