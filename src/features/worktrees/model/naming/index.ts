export { slugify } from './slug';
export { branchNameProblem, isValidBranchName, sanitizeBranchName } from './refFormat';
export { expandTemplate, TemplateError } from './template';
export { agentSlug } from './agent';
export { splitOwners } from '../../../../kernel/model/owners';
export { inferBranchType, BRANCH_TYPES } from './taskType';
export type { BranchType } from './taskType';
export {
  DEFAULT_BRANCH_TEMPLATE,
  DEFAULT_PATH_TEMPLATE,
  NamingError,
  taskBranchName,
  taskNameValues,
  taskWorktreePath,
} from './taskNames';
export type { NamingTask, WorktreePathContext } from './taskNames';
export { branchRefusal, BranchRefusedError } from './branchRefusal';
export type { BranchFacts, BranchRefusalCode } from './branchRefusal';
