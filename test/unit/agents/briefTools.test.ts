import assert from 'node:assert/strict';
import { BRIEF_MCP_TOOLS } from '../../../src/features/agents/model/briefTools';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { renderTaskBrief } from '../../../src/features/worktrees/model/brief';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { connectCoordMcp } from './mcpClient';

const PLAN = JSON.stringify({
  schema_version: '1.0',
  tasks: {
    g: { t1: { id: 't1', name: 'One', owner: 'Codex', status: 'not_started', progress: '0/3' } },
  },
});

describe('the brief points the agent at the MCP tools first, the CLI second', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => (repo = createTempRepo({ name: 'Brief' })));
  afterEach(() => repo.dispose());

  it('names tools the server really offers, before the coord commands', async () => {
    const { model } = loadTaskFile(PLAN);
    const brief = renderTaskBrief({
      task: model!.byKey.get('t1')!,
      model: model!,
      branch: 'feat/one',
      base: 'main',
      worktreePath: '/tmp/one',
      taskFileLabel: 'task_status.json',
      taskFilePath: '/tmp/task_status.json',
    });
    const section = brief.slice(brief.indexOf('## Reporting progress'));
    const toolAt = BRIEF_MCP_TOOLS.map((tool) => section.indexOf(`- \`${tool.name}\`: `));
    assert.ok(
      toolAt.every((at) => at > 0),
      section,
    );
    assert.ok(Math.max(...toolAt) < section.indexOf('coord set t1 --progress'), section);
    assert.match(section, /coord agent-state t1 needs_input --message/);

    repo.write('task_status.json', PLAN);
    repo.commit('plan');
    const mcp = await connectCoordMcp(repo.root, { COORD_TASK: 't1' });
    try {
      const offered = (await mcp.client.listTools()).tools.map((tool) => tool.name);
      for (const tool of BRIEF_MCP_TOOLS) {
        assert.ok(offered.includes(tool.name), `${tool.name} is one of ${offered.join(', ')}`);
      }
    } finally {
      await mcp.close();
    }
  });
});
