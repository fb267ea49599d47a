import { portVariables, portsOf, type PortBlock } from './portBlocks';

export interface TaskEnvironmentInput {
  taskKey: string;
  taskId: string;
  /** The repository's folder name. */
  repo: string;
  /** The task's port block; none when ports are turned off. */
  block?: PortBlock;
  /** `coordinator.worktrees.taskEnv`: variable name → template. */
  template: Readonly<Record<string, string>>;
}

export interface TaskEnvironment {
  /** `COORD_PORT`, `COORD_PORT_1`…, then the template's names, in that order. */
  env: Record<string, string>;
  /** One line per template entry left out or placeholder left as written. */
  problems: string[];
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDER = /\$\{([^}]*)\}/g;
const RESERVED_PREFIX = 'COORD_';
/** Longest identifier most databases accept (PostgreSQL's 63). */
const MAX_VALUE_LENGTH = 63;

/**
 * The environment a task's terminals and setup command get. Template placeholders are
 * `${taskKey}`, `${taskId}`, `${repo}`, `${port}` and `${port1}`…; the words substituted are
 * sanitised (lower case; anything but letters, digits, `_` and `-` becomes `_`), so a task key
 * makes a valid database or compose project name. Control characters never reach a value.
 */
export function taskEnvironment(input: TaskEnvironmentInput): TaskEnvironment {
  const env: Record<string, string> = portVariables(input.block);
  const problems: string[] = [];
  const words: Record<string, string> = {
    taskKey: identifierWord(input.taskKey),
    taskId: identifierWord(input.taskId),
    repo: identifierWord(input.repo),
  };
  if (input.block) {
    portsOf(input.block).forEach((port, index) => {
      words[index === 0 ? 'port' : `port${index}`] = String(port);
    });
  }
  for (const [name, template] of Object.entries(input.template)) {
    if (!VARIABLE_NAME.test(name)) {
      problems.push(
        `coordinator.worktrees.taskEnv: "${name}" is not a variable name (letters, digits and _); left out.`,
      );
      continue;
    }
    if (name.toUpperCase().startsWith(RESERVED_PREFIX)) {
      problems.push(
        `coordinator.worktrees.taskEnv: ${name} is left out; names starting with ${RESERVED_PREFIX} are the coordinator's own.`,
      );
      continue;
    }
    const unknown = new Set<string>();
    const value = template.replace(PLACEHOLDER, (whole, word: string) => {
      const known = words[word.trim()];
      if (known === undefined) {
        unknown.add(whole);
        return whole;
      }
      return known;
    });
    if (unknown.size > 0) {
      problems.push(
        `coordinator.worktrees.taskEnv: ${name} uses ${[...unknown].join(', ')}, which ${unknown.size === 1 ? 'is' : 'are'} not a placeholder (${Object.keys(
          words,
        )
          .slice(0, 5)
          .map((word) => `\${${word}}`)
          .join(', ')}…); kept as written.`,
      );
    }
    // eslint-disable-next-line no-control-regex
    env[name] = value.replace(/[\u0000-\u001f\u007f]/g, '');
  }
  return { env, problems };
}

/** A word safe in a database, compose project or container name. */
export function identifierWord(text: string): string {
  const word = text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
  return (word || 'task').slice(0, MAX_VALUE_LENGTH);
}
