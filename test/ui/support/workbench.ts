// Drives the code-server workbench in headless Chromium the way a person would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

const STATUS_BAR = '#workbench\\.parts\\.statusbar';
const SIDEBAR = '#workbench\\.parts\\.sidebar';
const QUICK_INPUT = '.quick-input-widget .quick-input-box input.input';

export interface WorkbenchOptions {
  /** Folder screenshots are written to (artifacts/screenshots). */
  readonly screenshotsDir: string;
  /** Name of the scenario the window belongs to. */
  readonly scenario: string;
  /** Absolute path of the workspace folder that is open. */
  readonly workspace: string;
  /** False where the workbench never pops notifications up (VS Code under its smoke-test driver). */
  readonly notificationToasts: boolean;
}

export class Workbench {
  constructor(
    readonly page: Page,
    readonly options: WorkbenchOptions,
  ) {}

  /** Runs a command by its palette title (`Coordinator: Refresh`) through F1, like a person. */
  async runCommand(title: string): Promise<void> {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    const input = this.page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible' });
    const palettePlaceholder = await input.getAttribute('placeholder');
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible' });
    await input.press('Enter');
    // Done when the palette closed, or when the command opened a picker of its own (pickQuickItem).
    await this.page.waitForFunction(
      ({ selector, placeholder }) => {
        const field = document.querySelector<HTMLInputElement>(selector);
        const widget = field?.closest<HTMLElement>('.quick-input-widget');
        return (
          !field || !widget || widget.style.display === 'none' || field.placeholder !== placeholder
        );
      },
      { selector: QUICK_INPUT, placeholder: palettePlaceholder ?? '' },
    );
  }

  /** Closes the palette or picker if one is open. */
  async closeQuickInput(): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    if (await widget.isVisible()) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    }
  }

  /**
   * Chooses an item in the quick pick that is open (a command's follow-up picker), typing
   * `filter` first when given. The filter replaces the whole input, so quick-access pickers
   * need their prefix (`view Worktrees` in View: Open View).
   */
  async pickQuickItem(label: string | RegExp, filter?: string): Promise<void> {
    const input = this.page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible' });
    if (filter !== undefined) {
      await input.fill(filter);
    }
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
  }

  /** Labels of the rows the open quick pick shows now (a picker may still be filling in). */
  async quickPickLabels(): Promise<string[]> {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    return rows.evaluateAll((elements) =>
      elements.map((row) => {
        const label =
          row.querySelector('.label-name') ?? row.querySelector('.monaco-highlighted-label');
        return (label?.textContent ?? row.getAttribute('aria-label') ?? '').trim();
      }),
    );
  }

  /** Waits until the status bar no longer says "Activating Extensions...". */
  async waitForActivation(timeoutMs = 30_000): Promise<void> {
    await this.statusBarItem(/Activating Extensions/).waitFor({
      state: 'detached',
      timeout: timeoutMs,
    });
  }

  /** Opens a view container from the activity bar by its title (`Agent Coordinator`). */
  async openViewContainer(title: string): Promise<Locator> {
    // The item itself, not its link: a badge drawn over the link would take the click.
    const item = this.page
      .locator('.activitybar .action-item', { has: this.page.locator(`a[aria-label^="${title}"]`) })
      .first();
    await item.waitFor({ state: 'visible' });
    const sidebarTitle = this.page.locator(`${SIDEBAR} .composite.title`);
    if (
      !(await sidebarTitle.textContent().catch(() => ''))
        ?.toUpperCase()
        .includes(title.toUpperCase())
    ) {
      await item.click();
    }
    await this.page
      .locator(`${SIDEBAR} .composite.title`, { hasText: new RegExp(title, 'i') })
      .waitFor();
    return this.page.locator(SIDEBAR);
  }

  /** A view's pane in the side bar, found by the view's name (`Tasks`). */
  view(name: string): Locator {
    return this.page.locator(`${SIDEBAR} .pane`, {
      has: this.page.locator('.pane-header', {
        hasText: new RegExp(`^\\s*${escapeRegExp(name)}`, 'i'),
      }),
    });
  }

  /** A tree row whose label matches, optionally inside one view. */
  treeItem(label: string | RegExp, viewName?: string): Locator {
    const scope = viewName ? this.view(viewName) : this.page.locator(SIDEBAR);
    return scope.locator('.monaco-list-row', { hasText: label }).first();
  }

  async clickTreeItem(label: string | RegExp, viewName?: string): Promise<void> {
    const item = this.treeItem(label, viewName);
    await item.waitFor({ state: 'visible' });
    await item.click();
  }

  /** Labels of the visible rows of a view's tree. */
  async treeItemLabels(viewName: string): Promise<string[]> {
    const rows = this.view(viewName).locator('.monaco-list-row .label-name');
    return (await rows.allInnerTexts()).map((text) => text.trim());
  }

  /** Texts of every status bar entry, left to right. */
  async statusBarTexts(): Promise<string[]> {
    const texts = await this.page.locator(`${STATUS_BAR} .statusbar-item`).allInnerTexts();
    return texts.map((text) => text.trim()).filter(Boolean);
  }

  /** The status bar entry whose text or accessible label matches. */
  statusBarItem(match: string | RegExp): Locator {
    return this.page.locator(`${STATUS_BAR} .statusbar-item`, { hasText: match }).first();
  }

  /** Waits for a status bar entry and returns its text. */
  async statusBarText(match: string | RegExp): Promise<string> {
    const item = this.statusBarItem(match);
    await item.waitFor({ state: 'visible' });
    return (await item.innerText()).trim();
  }

  /**
   * The document inside a webview (the dashboard). Webviews are two iframes deep: the outer one
   * hosts VS Code's webview shell, the inner `#active-frame` holds the extension's HTML.
   */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  /**
   * A notification (message and buttons) whose text matches, where a person would see it: as a
   * toast, or in the Notifications center on a workbench that shows no toasts. Call it before the
   * notification arrives or after; the center lists new ones while open.
   */
  async notification(match: string | RegExp): Promise<Locator> {
    if (!this.options.notificationToasts) {
      await this.showNotificationsCenter();
    }
    return this.page.locator('.notification-list-item', { hasText: match }).first();
  }

  async showNotificationsCenter(): Promise<void> {
    if (!(await this.page.locator('.notifications-center.visible').isVisible())) {
      await this.runCommand('Notifications: Show Notifications');
      await this.page.locator('.notifications-center.visible').waitFor();
    }
  }

  /** Messages of the notification toasts currently shown. */
  async notifications(): Promise<string[]> {
    return (await this.page.locator('.notification-list-item-message').allInnerTexts()).map((t) =>
      t.trim(),
    );
  }

  /** Title of the active editor tab. */
  async activeEditorTitle(): Promise<string> {
    return (
      await this.page.locator('.tabs-container .tab.active .label-name').first().innerText()
    ).trim();
  }

  /** Saves a PNG of the whole window to artifacts/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.options.screenshotsDir, { recursive: true });
    const file = path.join(this.options.screenshotsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
