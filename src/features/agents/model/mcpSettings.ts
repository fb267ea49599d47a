/** The setting that lets `coord mcp` edit tasks other than the agent's own, as a settings-file key. */
export const ALLOW_OTHER_TASKS_SETTING = 'coordinator.mcp.allowOtherTasks';
