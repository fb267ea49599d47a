import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  descendantsOf,
  environmentHolds,
  isLive,
  parseProcessStat,
  type ProcessEntry,
} from '../../../src/platform/process/processTable';

const entry = (pid: number, ppid: number, state = 'S'): ProcessEntry => ({
  pid,
  ppid,
  pgrp: pid,
  state,
  startTicks: 0,
});

describe('guardrails: the Linux process table', () => {
  it('parses a stat line whose command name holds spaces and parentheses', () => {
    const line =
      '4242 (my (odd) name) S 4100 4242 4242 0 -1 4194560 90 0 0 0 0 0 0 0 20 0 1 0 987654 2473984 200 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';
    assert.deepEqual(parseProcessStat(line), {
      pid: 4242,
      ppid: 4100,
      pgrp: 4242,
      state: 'S',
      startTicks: 987654,
    });
  });

  (process.platform === 'linux' ? it : it.skip)('parses the stat line of this very process', () => {
    const parsed = parseProcessStat(readFileSync('/proc/self/stat', 'utf8'));
    assert.equal(parsed?.pid, process.pid);
    assert.equal(parsed?.ppid, process.ppid);
    assert.ok(parsed !== undefined && parsed.startTicks > 0);
  });

  it('refuses text that is not a stat line', () => {
    assert.equal(parseProcessStat('garbage'), undefined);
    assert.equal(parseProcessStat(''), undefined);
  });

  it('finds a variable only as a whole entry of the environment block', () => {
    const environ = 'PATH=/bin\0COORD_GUARDRAIL_RUN=12-ab\0HOME=/root\0';
    assert.equal(environmentHolds(environ, 'COORD_GUARDRAIL_RUN=12-ab'), true);
    assert.equal(environmentHolds(environ, 'COORD_GUARDRAIL_RUN=12-a'), false);
    assert.equal(
      environmentHolds('X_COORD_GUARDRAIL_RUN=12-ab\0', 'COORD_GUARDRAIL_RUN=12-ab'),
      false,
    );
  });

  it('follows parent links to every descendant, not the root or strangers, and tells zombies apart', () => {
    const table = [
      entry(1, 0),
      entry(10, 1),
      entry(11, 10),
      entry(12, 11, 'Z'),
      entry(13, 10),
      entry(20, 1),
    ];
    assert.deepEqual(
      descendantsOf(10, table)
        .map((found) => found.pid)
        .sort((a, b) => a - b),
      [11, 12, 13],
    );
    assert.deepEqual(
      descendantsOf(10, table)
        .filter(isLive)
        .map((found) => found.pid)
        .sort(),
      [11, 13],
    );
    assert.deepEqual(descendantsOf(99, table), []);
  });
});
