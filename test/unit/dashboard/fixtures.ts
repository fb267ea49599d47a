import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deriveDashboard } from '../../../src/features/dashboard/model';
import type { DashboardExtras } from '../../../src/features/dashboard/model/inputs';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { DashboardViewModel } from '../../../src/protocol/dashboardModel';

const fixtures = path.resolve(__dirname, '../../fixtures');

export function fixtureText(name: 'lukhas' | 'xss'): string {
  return readFileSync(path.join(fixtures, name, 'task_status.json'), 'utf8');
}

export function viewModelOf(text: string, extras: DashboardExtras = {}): DashboardViewModel {
  return deriveDashboard({
    ...extras,
    folderName: 'fixture',
    folderUri: 'file:///fixture',
    taskFile: 'task_status.json',
    loaded: loadTaskFile(text),
  });
}

/** Rewrites one task's status in the file text (the first `"status"` after its key). */
export function withStatus(text: string, taskKey: string, status: string): string {
  const at = text.indexOf(JSON.stringify(taskKey));
  const statusAt = text.indexOf('"status"', at);
  const end = text.indexOf(',', statusAt);
  return `${text.slice(0, statusAt)}"status": ${JSON.stringify(status)}${text.slice(end)}`;
}
