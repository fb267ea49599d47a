// The window a UI test drives. The driver (scripts/vscode/run-host-tests.mjs) opens it before
// mocha runs the test/ui files and sets it here; tests call workbench().
import type { Workbench } from './workbench';

const slot = Symbol.for('coordinator.ui.workbench');
type Holder = { [slot]?: Workbench };

export function setWorkbench(workbench: Workbench | undefined): void {
  (globalThis as Holder)[slot] = workbench;
}

export function workbench(): Workbench {
  const current = (globalThis as Holder)[slot];
  if (!current) {
    throw new Error('No workbench: UI tests run through `npm run test:host`, which opens one.');
  }
  return current;
}
