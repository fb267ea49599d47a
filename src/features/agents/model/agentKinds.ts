import type { ReportedAgentState } from './agentState';

/** The agents whose own configuration Start Task writes; `other` gets the environment only. */
export const AGENT_KINDS = ['claude', 'codex', 'copilot', 'other'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];

export const AGENT_DISPLAY_NAMES: Record<AgentKind, string> = {
  claude: 'Claude Code',
  codex: 'Codex',
  copilot: 'Copilot CLI',
  other: 'other agents',
};

/**
 * The states each agent's own tool reports without the agent's help (hooks, notify), plus
 * `finished` and `failed`, which the editor reads from the terminal when the agent exits. An
 * agent may report more through the MCP tool or `coord agent-state`, but nothing makes it.
 */
export const DETECTABLE_STATES: Record<AgentKind, readonly ReportedAgentState[]> = {
  // Hooks: UserPromptSubmit, PostToolUse, Notification, Stop, SessionStart, SessionEnd.
  claude: ['working', 'needs_input', 'idle', 'finished', 'failed'],
  // `notify` fires only at the end of a turn (agent-turn-complete).
  codex: ['idle', 'finished', 'failed'],
  // Hooks in .github/hooks: UserPromptSubmit, PostToolUse, notification, Stop, SessionStart/End.
  copilot: ['working', 'needs_input', 'idle', 'finished', 'failed'],
  other: ['finished', 'failed'],
};

const PROGRAMS: Record<string, AgentKind> = {
  claude: 'claude',
  'claude-code': 'claude',
  '@anthropic-ai/claude-code': 'claude',
  codex: 'codex',
  '@openai/codex': 'codex',
  copilot: 'copilot',
  '@github/copilot': 'copilot',
};

/** Package runners whose next word is the program they run. */
const RUNNERS = new Set(['npx', 'bunx', 'pnpx']);

export interface AgentProgram {
  kind: AgentKind;
  /** Where the word that names the agent ends in the command line (flags go right after it). */
  end: number;
}

/**
 * Which agent a configured command line starts (its first word, or the word after `npx`), by
 * the program's file name: `claude`, `/opt/bin/codex`, `copilot.cmd`, `npx @openai/codex`.
 */
export function agentProgramOf(commandLine: string): AgentProgram {
  const words = shellWords(commandLine);
  const first = words[0];
  const named = first && RUNNERS.has(programName(first.text)) ? words[1] : first;
  const kind = named ? PROGRAMS[programName(named.text)] : undefined;
  return kind && named ? { kind, end: named.end } : { kind: 'other', end: first?.end ?? 0 };
}

function programName(word: string): string {
  const scoped = /^(@[^/@]+\/[^/@]+)(@.*)?$/.exec(word);
  const name = scoped ? scoped[1]! : (word.split(/[\\/]/).pop() ?? word).replace(/@.*$/, '');
  return name.replace(/\.(exe|cmd|bat|ps1)$/i, '').toLowerCase();
}

/** The leading words of a command line with their quotes removed and where each ends. */
function shellWords(line: string): { text: string; end: number }[] {
  const words: { text: string; end: number }[] = [];
  let i = 0;
  while (i < line.length && words.length < 2) {
    while (i < line.length && /\s/.test(line[i]!)) {
      i++;
    }
    if (i >= line.length) {
      break;
    }
    let text = '';
    let quote: string | undefined;
    for (; i < line.length; i++) {
      const ch = line[i]!;
      if (quote) {
        if (ch === quote) {
          quote = undefined;
        } else {
          text += ch;
        }
      } else if (ch === '"' || ch === "'") {
        quote = ch;
      } else if (/\s/.test(ch)) {
        break;
      } else {
        text += ch;
      }
    }
    words.push({ text, end: i });
  }
  return words;
}
