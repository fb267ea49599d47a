export type { WorktreeEntry, WorktreeStatus } from './types';
export {
  parseWorktreePorcelain,
  parseWorktreeListText,
  isPathInside,
  nestedWorktrees,
} from './porcelain';
export { parseStatusV2, parseLeftRightCount } from './status';
export { parseIncludePatterns, parseWorktreeInclude, isIncluded } from './includePatterns';
export type { IncludePattern } from './includePatterns';
export { startCandidates, findTask } from './candidates';
export type { StartCandidate } from './candidates';
export { agentCommandTemplate, expandAgentCommand } from './agentCommand';
export {
  CMD,
  cmdQuote,
  POSIX,
  posixQuote,
  POWERSHELL,
  powerShellQuote,
  shellSyntaxFor,
  substituteQuoted,
} from './shellQuoting';
export type { ShellSyntax } from './shellQuoting';
export type { AgentCommandValues } from './agentCommand';
export { agentExitMessage } from './agentExit';
export type { AgentExitMessage } from './agentExit';
export { renderTaskBrief } from './brief';
export type { BriefInput } from './brief';
export { planTaskStart } from './startPlan';
export type { StartPlan, StartPlanInput } from './startPlan';
export { readWorktreeSettings, DEFAULT_WORKTREE_SETTINGS } from './settings';
export type { WorktreeSettings } from './settings';
