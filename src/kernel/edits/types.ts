import type { ReviewRecord, ReviewRequestRecord } from '../model/reviews';
import type { TaskStatus } from '../model/types';

/** Who did something: a person or an agent, through which host. */
export interface Actor {
  /** The agent's name (from its terminal or its MCP client), else git's `user.name`. */
  name: string;
  host: 'editor' | 'cli' | 'mcp';
}

/** A gate that someone chose to pass anyway, kept on the task in its `overrides` list. */
export interface OverrideRecord {
  gate: 'start' | 'completion';
  /** What the gate said, as it said it. */
  reasons: string[];
  by: string;
  host: Actor['host'];
  /** ISO time. */
  at: string;
}

/**
 * A change to the task file, described as data so the store can re-apply it to a newer text
 * when the file changed on disk between read and write.
 */
export type TaskEdit =
  | {
      kind: 'setStatus';
      taskKey: string;
      status: TaskStatus;
      /** When given, a real change (judged on the text it is applied to) goes to `status_history`. */
      record?: { at: string; by?: string; host?: string };
    }
  | { kind: 'setProgress'; taskKey: string; completedSteps: number; totalSteps?: number }
  | { kind: 'setBranch'; taskKey: string; branch: string | null }
  | { kind: 'setPrNumber'; taskKey: string; prNumber: number | null }
  /** A task split across several pull requests: all of them, in order. */
  | { kind: 'setPrNumbers'; taskKey: string; prNumbers: number[] }
  | { kind: 'setOwner'; taskKey: string; owner: string }
  | { kind: 'appendBlocker'; taskKey: string; text: string }
  | { kind: 'removeBlocker'; taskKey: string; text: string }
  | { kind: 'appendNote'; taskKey: string; text: string }
  | { kind: 'appendOverride'; taskKey: string; override: OverrideRecord }
  /**
   * A new task with these fields, added in the plan's own layout: to `group` (made when missing)
   * in a plan of groups, to the map or to the end of the list otherwise.
   */
  | { kind: 'addTask'; taskKey: string; group: string; fields: Record<string, unknown> }
  | { kind: 'appendReview'; taskKey: string; review: ReviewRecord }
  | { kind: 'appendReviewRequest'; taskKey: string; request: ReviewRequestRecord }
  /** Task fields with no dedicated edit: `worktree_path`, `started_at`, `hours_spent`, ... */
  | { kind: 'setTaskField'; taskKey: string; field: string; value: unknown }
  | {
      kind: 'setGuardrailResult';
      guardrailKey: string;
      status: string;
      lastRun: string;
      durationMs: number;
      /** The failure's likeliest cause; a result without one removes a recorded cause. */
      cause?: string;
    };
