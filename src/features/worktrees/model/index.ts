export type { WorktreeEntry, WorktreeStatus } from '../../../kernel/git/worktreeTypes';
export {
  parseWorktreePorcelain,
  parseWorktreeListText,
  isPathInside,
  nestedWorktrees,
} from '../../../kernel/git/worktreePorcelain';
export { parseStatusV2, parseLeftRightCount } from '../../../kernel/git/statusPorcelain';
export { parseIncludePatterns, parseWorktreeInclude, isIncluded } from './includePatterns';
export type { IncludePattern } from './includePatterns';
export { startCandidates, findTask } from './candidates';
export type { StartCandidate } from './candidates';
export { agentCommandTemplate, expandAgentCommand } from '../../agents/model/agentCommand';
export {
  CMD,
  cmdQuote,
  POSIX,
  posixQuote,
  POWERSHELL,
  powerShellQuote,
  shellSyntaxFor,
  substituteQuoted,
} from '../../agents/model/shellQuoting';
export type { ShellSyntax } from '../../agents/model/shellQuoting';
export type { AgentCommandValues } from '../../agents/model/agentCommand';
export { agentExitMessage } from '../../agents/model/agentExit';
export type { AgentExitMessage } from '../../agents/model/agentExit';
export { renderTaskBrief } from './brief';
export type { BriefInput } from './brief';
export { planTaskStart } from './startPlan';
export type { StartPlan, StartPlanInput } from './startPlan';
export { readWorktreeSettings, DEFAULT_WORKTREE_SETTINGS } from './settings';
export type { WorktreeSettings } from './settings';
