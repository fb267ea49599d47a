/**
 * Worktree flows shared by the extension and the CLI. No UI here: the caller
 * picks the task, shows progress and errors, and opens windows and terminals.
 *
 * Extension wiring, in short:
 *   const s = readWorktreeSettings((key) => vscode.workspace.getConfiguration('coordinator', folder).get(key));
 *   const result = await startTaskInWorktree({
 *     taskKey, taskFilePath: session.taskFile.fsPath,
 *     store: { read: () => new TaskFileStore(path).read(), apply: (edits) => session.apply(edits) },
 *     branchTemplate: s.branchTemplate, pathTemplate: s.pathTemplate, baseBranch: s.baseBranch,
 *     copyGlobs: s.copyGlobs, briefFileName: s.briefFileName, setupCommand: s.setupCommand,
 *     isTrusted: () => vscode.workspace.isTrusted, onOutput: (chunk) => channel.append(chunk),
 *     onStep: (step) => progress.report({ message: step }), signal,
 *   });
 *   // result.outcome is 'created', 'existing' or 'adopted' (say result.notes); then, per settings, open result.path in a new
 *   // window and/or a terminal (cwd result.path) running
 *   // expandAgentCommand(agentCommandTemplate(s.agents, result.task), { brief: result.briefPath ?? join(result.path, s.briefFileName), taskId: result.task.id, branch: result.branch }).
 * Errors: `StartTaskError` (`.step` names the failed step; what the run created is already removed),
 * `RemovalNeedsConfirmation` (`.reason` 'dirty' | 'unpushed': ask, then call again with `force: true`).
 */
export {
  startTaskInWorktree,
  startEdits,
  DEFAULT_BRIEF_FILE_NAME,
  DEFAULT_COPY_GLOBS,
} from './startTask';
export type { StartTaskOptions, StartTaskResult } from './startTask';
export { StartTaskError, START_STEPS } from './steps';
export type { StartStep } from './steps';
export type { TaskFileAccess } from './taskFileAccess';
export { runSetupCommand } from './setupCommand';
export type { SetupRunner } from './setupCommand';
export { linkedTask, linkedTasks } from './list';
export type { WorktreeInfo, WorktreeAgent, WorktreeDiskUsage, ListWorktreesOptions } from './list';
export { listWorktreesWithStatus, DEFAULT_STATUS_MAX_AGE_MS } from './listWorktreesWithStatus';
export { measureWorktreeDiskUsage } from './measureDiskUsage';
export type { DiskUsageRunOptions } from './measureDiskUsage';
export { removeTaskWorktree, RemovalNeedsConfirmation } from './removeTaskWorktree';
export type { RemoveWorktreeOptions, RemoveWorktreeResult } from './removeTaskWorktree';
export type { TaskEffects, TaskAfterRemoval } from './taskAfterRemoval';
export type { TeardownOptions } from './teardown';
export { copyIncludedFiles, WORKTREE_INCLUDE_FILE } from './copyIncluded';
export { pruneWorktrees } from '../../platform/git/worktrees';
export { forgetWorktreeEdits, tasksRecordingWorktree } from './forgetPath';
export type { RecordedWorktree } from './forgetPath';
export { allocatePorts, releasePorts, readPortLedger, portLedgerPath } from './portAllocation';
export type { PortRequest } from './portAllocation';
export { taskEnvFor } from './taskEnv';
export type { TaskEnv, TaskEnvRequest } from './taskEnv';
