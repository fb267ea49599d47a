import * as z from 'zod/mini';
import type { DashboardDelta, DashboardViewModel } from './dashboardModel';
import type { TaskDetailModel } from './taskDetail';

/**
 * Every message between the dashboard webview and the extension host, declared once.
 * Webview → host messages are zod schemas because the host must not trust the page;
 * the webview imports only the inferred types, so zod never reaches its bundle. The host uses
 * zod's tree-shakable `mini` build to keep the extension bundle small.
 */

const taskKey = z.string().check(z.minLength(1), z.maxLength(500));

export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('startTask'), taskKey }),
  z.object({ type: z.literal('openPullRequest'), taskKey }),
  z.object({
    type: z.literal('runGuardrail'),
    guardrailKey: z.string().check(z.minLength(1), z.maxLength(500)),
  }),
  z.object({ type: z.literal('revealTask'), taskKey }),
  z.object({ type: z.literal('openTask'), taskKey }),
  z.object({ type: z.literal('setStatus'), taskKey }),
  z.object({ type: z.literal('runGuardrailsInWorktree'), taskKey }),
  z.object({ type: z.literal('signInToGitHub') }),
  z.object({
    type: z.literal('openAttentionItem'),
    id: z.string().check(z.minLength(1), z.maxLength(2000)),
  }),
]);

export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;
export type WebviewMessageType = WebviewMessage['type'];

/** Parses one incoming message; undefined for anything unknown or malformed. */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  const result = WebviewMessageSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

export type HostMessage =
  | { type: 'state'; model: DashboardViewModel }
  | { type: 'delta'; delta: DashboardDelta }
  | { type: 'taskDetail'; detail: TaskDetailModel };
