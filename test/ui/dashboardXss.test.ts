// A task file full of markup, script and javascript: links renders as inert text in the real VS Code.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deriveDashboard } from '../../src/features/dashboard/model';
import { loadTaskFile } from '../../src/kernel/model/load';
import { truncate } from '../../src/webview/labels';
import { dashboardFrame, runPaletteCommand } from './dashboardUi';
import { workbench } from './support/context';

describe('dashboard XSS fixture (UI)', function () {
  // This scenario has no host suite before it, so the window also waits for a cold extension host.
  this.timeout(180_000);

  it('renders hostile task strings as text and runs none of them', async () => {
    const wb = workbench();
    const text = fs.readFileSync(path.join(wb.options.workspace, 'task_status.json'), 'utf8');
    const model = deriveDashboard({
      folderName: 'Xss',
      folderUri: 'file:///',
      loaded: loadTaskFile(text),
    });
    await runPaletteCommand(wb.page, 'Coordinator: Open Dashboard', 120_000);
    const view = await dashboardFrame(wb.page);
    for (const task of model.tasks) {
      assert.equal(
        await view.locator(`.task-card[data-task-key="${task.key}"] .task-name`).textContent(),
        truncate(task.name, 200),
      );
    }
    const report = await view.locator('body').evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      images: document.querySelectorAll('img').length,
      scriptsWithPayload: [...document.querySelectorAll('script')].filter((s) =>
        (s.textContent ?? '').includes('__xss'),
      ).length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) =>
        e.getAttributeNames().filter((n) => n.startsWith('on')),
      ),
      javascriptLinks: [...document.querySelectorAll('[href]')].filter((e) =>
        (e.getAttribute('href') ?? '').startsWith('javascript'),
      ).length,
    }));
    assert.deepEqual(report, {
      xss: undefined,
      images: 0,
      scriptsWithPayload: 0,
      handlers: [],
      javascriptLinks: 0,
    });
    await view.locator('.task-card[data-task-key="xss_img"]').click();
    assert.equal(
      await view.locator('body').evaluate(() => (window as unknown as { __xss?: number }).__xss),
      undefined,
    );
    await wb.screenshot('dashboard-xss');
  });
});
