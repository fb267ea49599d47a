import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat request the stand-in received, as the agent sent it. */
export interface ChatRequest {
  messages: { role: string; content?: unknown; tool_call_id?: string }[];
  tools?: { type: string; function?: { name: string } }[];
}

export interface StandInChatModel {
  /** `http://127.0.0.1:PORT/v1`, for an agent's custom-provider setting. */
  baseUrl: string;
  requests: ChatRequest[];
  close(): void;
}

/**
 * An OpenAI-style chat completions endpoint on loopback, streamed as server-sent events: its
 * first answer calls `tool` with `args`, every later one says "Done." and ends the turn. Lets an
 * agent CLI run a whole turn offline (Copilot CLI's COPILOT_PROVIDER_BASE_URL).
 */
export async function standInChatModel(
  tool: string,
  args: Record<string, unknown>,
): Promise<StandInChatModel> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const request = JSON.parse(body) as ChatRequest & { model?: string };
      requests.push(request);
      const chunk = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({
          id: `stand-in-${requests.length}`,
          object: 'chat.completion.chunk',
          created: 0,
          model: request.model ?? 'stand-in',
          choices: [{ index: 0, delta, finish_reason: finish }],
          ...(finish
            ? { usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 } }
            : {}),
        })}\n\n`;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (requests.length === 1) {
        res.write(
          chunk(
            {
              role: 'assistant',
              tool_calls: [
                {
                  index: 0,
                  id: 'call_1',
                  type: 'function',
                  function: { name: tool, arguments: JSON.stringify(args) },
                },
              ],
            },
            null,
          ),
        );
        res.write(chunk({}, 'tool_calls'));
      } else {
        res.write(chunk({ role: 'assistant', content: 'Done.' }, null));
        res.write(chunk({}, 'stop'));
      }
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
