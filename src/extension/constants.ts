/** Every id the manifest and the code share. A unit test checks this module against package.json. */

export const EXTENSION_ID = 'agent-coordinator.agent-coordinator';

export const Commands = {
  startTaskInWorktree: 'coordinator.startTaskInWorktree',
  openDashboard: 'coordinator.openDashboard',
  runGuardrails: 'coordinator.runGuardrails',
  captureSnapshot: 'coordinator.captureSnapshot',
  refresh: 'coordinator.refresh',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'coordinator',
  tasks: 'coordinator.tasks',
  worktrees: 'coordinator.worktrees',
} as const;

export const Settings = {
  section: 'coordinator',
  taskFile: 'taskFile',
} as const;

export const ContextKeys = {
  hasTaskFile: 'coordinator.hasTaskFile',
  taskFileBroken: 'coordinator.taskFileBroken',
} as const;

export const OutputChannels = {
  main: 'Coordinator',
  guardrails: 'Coordinator Guardrails',
} as const;
