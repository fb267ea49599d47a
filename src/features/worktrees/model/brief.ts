import type { GuardrailDefinition, Task, TaskModel } from '../../../kernel/model/types';
import { BRIEF_MCP_TOOLS } from '../../agents/model/briefTools';

export interface BriefInput {
  task: Task;
  model: TaskModel;
  branch: string;
  base: string;
  worktreePath: string;
  /** Task file path as people should read it (relative to the main worktree when possible). */
  taskFileLabel: string;
  /** Optional absolute path of the task file to pass as `--file`. */
  taskFilePath?: string;
  /** The task's environment (`COORD_TASK`, `COORD_PORT`…, template names), listed in the brief. */
  env?: Readonly<Record<string, string>>;
  /** How each shared dependency folder was prepared, one line each. */
  shared?: readonly string[];
}

/** The Markdown brief written into a new worktree for the agent or person taking the task. */
export function renderTaskBrief(input: BriefInput): string {
  const { task, model } = input;
  const lines: string[] = [];
  lines.push(`# ${oneLine(task.name)}`, '');
  lines.push(`- **Task**: \`${task.key}\` (id \`${task.id}\`, group \`${task.group}\`)`);
  lines.push(`- **Owner**: ${oneLine(task.owner) || 'unassigned'}`);
  if (task.priority) {
    lines.push(
      `- **Priority**: ${task.priority}${task.criticalReview ? ' (critical review: a reviewer signs off before merge)' : ''}`,
    );
  }
  if (task.estimate) {
    lines.push(
      `- **Estimate**: ${/^[\d.]+$/.test(task.estimate.text) ? `${task.estimate.text} h` : task.estimate.text}`,
    );
  }
  lines.push(`- **Branch**: \`${input.branch}\` from \`${input.base}\``);
  lines.push(`- **Worktree**: \`${input.worktreePath}\``);
  lines.push(
    `- **Task file**: \`${input.taskFileLabel}\` (in the main worktree; edit it through \`coord\`, not by hand)`,
  );
  if (task.phase) {
    lines.push(`- **Phase**: ${oneLine(task.phase)}`);
  }
  if (task.risk) {
    lines.push(`- **Risk**: ${oneLine(task.risk)}`);
  }
  if (task.reviewer) {
    lines.push(`- **Reviewer**: ${oneLine(task.reviewer)}`);
  }
  lines.push('');

  lines.push('## Dependencies', '');
  if (task.dependencies.length === 0) {
    lines.push('None.');
  } else {
    for (const name of task.dependencies) {
      const dependency =
        model.byKey.get(name) ?? model.tasks.find((candidate) => candidate.id === name);
      lines.push(
        dependency
          ? `- \`${dependency.key}\` ${oneLine(dependency.name)}: **${dependency.status.replace('_', ' ')}**`
          : `- \`${name}\` (external prerequisite, check it yourself)`,
      );
    }
  }
  lines.push('');

  section(lines, 'Blockers', task.blockers);
  section(
    lines,
    'Acceptance criteria',
    task.acceptance,
    'Not written down in the task file; agree them with the owner.',
  );
  section(lines, 'Deliverables', task.deliverables);
  section(
    lines,
    'Checklist',
    task.checklist.map((item) => `[ ] ${item}`),
  );
  section(
    lines,
    'Files',
    task.files.map((file) => `\`${file}\``),
  );
  section(lines, 'Notes', task.notes);

  lines.push('## Guardrails to run before asking for review', '');
  const guardrails = relevantGuardrails(model.guardrails, task);
  if (guardrails.length === 0) {
    lines.push('The task file lists no guardrail commands.');
  } else {
    for (const guardrail of guardrails) {
      const flags = [
        guardrail.required ? 'required' : 'optional',
        guardrail.expected ? `expect: ${oneLine(guardrail.expected.join(', '))}` : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(
        `- \`${guardrail.key}\` (${flags})`,
        '',
        '  ```sh',
        `  ${guardrail.command}`,
        '  ```',
        '',
      );
    }
    lines.push('Or run them all with `coord guardrails`.');
  }
  lines.push('');

  const file = input.taskFilePath ? ` --file ${shellWord(input.taskFilePath)}` : '';
  environmentSection(lines, task.key, input.env ?? {}, file);
  sharedSection(lines, input.shared ?? []);
  const steps = task.progress?.totalSteps;
  lines.push('## Reporting progress', '');
  lines.push(
    "Use the Agent Coordinator MCP tools first: the agent started for this task has the plan's",
    'MCP server (`coord mcp`), which knows this task from `COORD_TASK`.',
    '',
  );
  for (const tool of BRIEF_MCP_TOOLS) {
    lines.push(`- \`${tool.name}\`: ${tool.use}`);
  }
  lines.push('', 'Without MCP, the `coord` CLI does the same:', '');
  lines.push('```sh');
  lines.push(
    `coord set ${task.key} --progress ${steps ? `n/${steps}` : 'n/m'}${file}   # after each step`,
  );
  lines.push(
    `coord set ${task.key} --status completed${file}   # when done and the guardrails pass`,
  );
  lines.push(
    `coord agent-state ${task.key} needs_input --message "..."   # when you wait for a person`,
  );
  lines.push('```', '');
  lines.push(
    "This file is kept out of git (listed in the repository's info/exclude); do not commit it.",
    '',
  );
  return lines.join('\n');
}

/** The task's own ports and names, so parallel tasks do not fight over a dev server or database. */
function environmentSection(
  lines: string[],
  taskKey: string,
  env: Readonly<Record<string, string>>,
  file: string,
): void {
  const entries = Object.entries(env);
  if (entries.length === 0) {
    return;
  }
  lines.push('## Ports and environment', '');
  lines.push(
    "This task's own ports and names: use them for dev servers, databases and containers instead of the usual defaults, so tasks running side by side do not collide. The task's terminals and setup command already have them.",
    '',
  );
  for (const [name, value] of entries) {
    lines.push(`- \`${name}=${value}\``);
  }
  lines.push('', `In another shell: \`eval "$(coord env ${taskKey} --shell${file})"\`.`, '');
}

/** What the worktree got from the main checkout's heavy folders, and what the agent must not do. */
function sharedSection(lines: string[], shared: readonly string[]): void {
  if (shared.length === 0) {
    return;
  }
  lines.push('## Shared dependencies', '');
  for (const line of shared) {
    lines.push(`- ${line}`);
  }
  lines.push('');
}

function section(
  lines: string[],
  title: string,
  items: readonly string[],
  whenEmpty?: string,
): void {
  if (items.length === 0 && !whenEmpty) {
    return;
  }
  lines.push(`## ${title}`, '');
  if (items.length === 0) {
    lines.push(whenEmpty ?? '');
  } else {
    for (const item of items) {
      lines.push(`- ${oneLine(item)}`);
    }
  }
  lines.push('');
}

/** Guardrails tied to this task first, then the other required ones, then optional ones. */
function relevantGuardrails(
  guardrails: readonly GuardrailDefinition[],
  task: Task,
): GuardrailDefinition[] {
  const tied = (guardrail: GuardrailDefinition) =>
    guardrail.dependsOn === task.key || guardrail.dependsOn === task.id;
  return [...guardrails].sort(
    (a, b) => Number(tied(b)) - Number(tied(a)) || Number(b.required) - Number(a.required),
  );
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function shellWord(text: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
