import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import { failureLine, isBug } from '../../common/cli/failureMessage';

/** A tool's answer: its value as indented JSON text. */
export function jsonResult(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }] };
}

/**
 * Runs a tool so that every failure is an MCP tool error with one clear line, never a crash
 * of the server: a refused gate says how to override it, a bug says it is one.
 */
export async function runTool(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    return { isError: true, content: [{ type: 'text', text: errorText(error) }] };
  }
}

function errorText(error: unknown): string {
  if (CoordinatorError.is(error, 'gateRefused')) {
    return `${error.message} Call again with force: true to go ahead anyway; it is recorded on the task.`;
  }
  if (CoordinatorError.is(error)) {
    return error.message;
  }
  if (isBug(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return `Unexpected error in coord mcp: ${message}`;
  }
  return failureLine(error as Error);
}
