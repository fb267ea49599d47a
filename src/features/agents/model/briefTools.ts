/** The MCP tools a task's brief names, in the order an agent needs them. */
export const BRIEF_MCP_TOOLS: readonly { name: string; use: string }[] = [
  { name: 'show_task', use: 'this task: brief, acceptance, checklist, dependencies, PR and CI' },
  {
    name: 'update_task',
    use: 'status, progress, notes, blockers, PR; completion is refused while its gates are unmet',
  },
  {
    name: 'report_agent_state',
    use: 'say when you need input (with the question), finished a turn, or are done',
  },
  { name: 'plan_overview', use: 'the whole plan at a glance' },
  { name: 'next_tasks', use: 'the tasks ready to start' },
];
