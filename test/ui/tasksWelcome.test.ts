// Without a task file the Tasks view explains itself and offers to create or select one.
import { strict as assert } from 'node:assert';
import { workbench } from './support/context';

describe('tasks view welcome (UI)', () => {
  it('offers Create task_status.json and Select Task File…', async () => {
    const wb = workbench();
    await wb.openViewContainer('Agent Coordinator');
    const tasks = wb.view('Tasks');
    await tasks.locator('.welcome-view-content').waitFor();
    const text = await tasks.locator('.welcome-view-content').innerText();
    assert.match(text, /task_status\.json/);
    await tasks.getByRole('button', { name: 'Create task_status.json' }).waitFor();
    await tasks.getByRole('button', { name: 'Select Task File…' }).waitFor();
    await wb.screenshot('tasks-welcome');
  });
});
