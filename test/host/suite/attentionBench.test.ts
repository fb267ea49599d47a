// Figures for scripts/bench/attention.bench.ts --host: how long an agent's report takes to reach the
// Tasks tree of a real VS Code (written as `coord agent-state` writes it). Records, never asserts on time.
import { performance } from 'node:perf_hooks';
import { reportAgentState } from '../../../src/features/agents/agentStateStore';
import { waitFor } from '../support/extension';
import { recordMetric } from '../support/metrics';
import { coordinator, sessionWithFile, taskNode } from './tasksSupport';

const ROUNDS = 20;

describe('attention bench in the extension host', () => {
  it('@bench measures agent report to tree row', async function () {
    this.timeout(240_000);
    const testing = await coordinator();
    const session = await sessionWithFile(testing);
    const folder = session.folder.uri.fsPath;
    const task = session.state!.model!.tasks.find((t) => t.status === 'in_progress')!;
    const description = () =>
      String(testing.tasks.provider.getTreeItem(taskNode(testing, task.key)).description ?? '');
    for (let round = 0; round < ROUNDS; round++) {
      const message = `Question ${round}?`;
      const started = performance.now();
      await reportAgentState(folder, {
        task: task.key,
        state: 'needs_input',
        agent: 'Bench',
        message,
      });
      const written = performance.now();
      await waitFor(
        () => description().includes(message),
        `round ${round} reaches the tree`,
        20_000,
      );
      recordMetric('attention.writeMs', written - started);
      recordMetric('attention.eventToTreeMs', performance.now() - started);
      // The status bar and the queue follow the same event.
      await waitFor(
        () => testing.attention.queue.items.some((entry) => entry.item.detail === message),
        `round ${round} reaches the queue`,
        20_000,
      );
      recordMetric('attention.eventToQueueMs', performance.now() - started);
    }
  });
});
