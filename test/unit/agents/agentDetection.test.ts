import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAgentStates } from '../../../src/features/agents/agentStateStore';
import {
  AGENT_DISPLAY_NAMES,
  AGENT_KINDS,
  DETECTABLE_STATES,
} from '../../../src/features/agents/model/agentKinds';
import {
  REPORTED_AGENT_STATES,
  shownAgentState,
} from '../../../src/features/agents/model/agentState';
import { recordAgentLaunch } from '../../../src/features/agents/recordAgentLaunch';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';

describe('what each agent lets us detect', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = createTempRepo({ name: 'Detect' })));
  afterEach(() => repo.dispose());

  it('shows a launched agent whose tool never reports working as not detectable, at any age', async () => {
    const launched = new Date('2026-11-29T10:00:00Z');
    const muchLater = new Date('2026-11-30T10:00:00Z');
    for (const kind of AGENT_KINDS) {
      await recordAgentLaunch(repo.root, `t_${kind}`, kind, launched);
    }
    const shown = Object.fromEntries(
      (await readAgentStates(repo.root)).map((record) => [
        record.task,
        [shownAgentState(record, launched), shownAgentState(record, muchLater)],
      ]),
    );
    assert.deepEqual(shown, {
      t_claude: ['working', 'stale'],
      t_codex: ['not_detectable', 'not_detectable'],
      t_copilot: ['working', 'stale'],
      t_other: ['not_detectable', 'not_detectable'],
    });
  });

  it('publishes the same table in docs/agents.md as the code uses', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'agents.md'), 'utf8');
    const doc = text.slice(text.indexOf('## Which states each agent lets us detect'));
    for (const kind of AGENT_KINDS) {
      const row = doc
        .split('\n')
        .find((line) => line.split('|')[1]?.trim() === AGENT_DISPLAY_NAMES[kind]);
      assert.ok(row, `a row for ${kind}`);
      const cells = row.split('|').slice(2, 2 + REPORTED_AGENT_STATES.length);
      const detected = REPORTED_AGENT_STATES.filter((_, i) => !/not detectable/.test(cells[i]!));
      assert.deepEqual(detected, [...DETECTABLE_STATES[kind]], kind);
    }
  });
});
