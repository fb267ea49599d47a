export { deriveDashboard } from './viewModel';
export { diffDashboard, applyDashboardDelta, isEmptyDelta } from './delta';
export { deriveGuardrails, verdictFromStoredStatus } from './guardrails';
export type {
  DashboardExtras,
  DashboardInputs,
  GuardrailRunInput,
  PullRequestInput,
  WorktreeInput,
} from './inputs';
