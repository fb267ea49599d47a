import { dirname } from 'node:path';
import { agentAttentionSource } from '../../agents/agentAttentionSource';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, type CliCommand } from '../../common/cli/command';
import { formatTable } from '../../common/cli/print/table';
import { openTaskFile, requireModel } from '../../common/cli/taskFile';
import { conflictAttentionSource } from '../../conflicts/conflictAttentionSource';
import { waitOverAttentionSource } from '../../conflicts/waitOverAttentionSource';
import { guardrailAttentionSource } from '../../guardrails/guardrailAttentionSource';
import { reviewAttentionSource } from '../../reviews/reviewAttention';
import { gatherAttention, type AttentionSource } from '../attentionSource';

/** Every feature that contributes to the queue, in no particular order (the queue ranks). */
const SOURCES: readonly AttentionSource[] = [
  agentAttentionSource,
  guardrailAttentionSource,
  reviewAttentionSource,
  conflictAttentionSource,
  waitOverAttentionSource,
];

export const command: CliCommand = {
  summary:
    'what waits for a person: agents needing input, failed guardrails, reviews, conflicts, ended waits',
  usage:
    'coord attention [--json] [--file PATH]\n' +
    '  Most pressing first: agents needing input or failed, failed guardrails, conflicts,\n' +
    '  overdue reviews, finished agents with work to review, requested reviews, waiting tasks\n' +
    '  that can start now, silent agents.',
  async run(args, context) {
    const { values } = parseCommandArgs(args, { ...FILE_OPTION, ...JSON_OPTION });
    const opened = await openTaskFile(values.file, context);
    const { model } = requireModel(opened);
    const { items, problems } = await gatherAttention(SOURCES, {
      folder: dirname(opened.path),
      model,
      now: new Date(),
    });
    if (values.json) {
      context.stdout(`${JSON.stringify({ items, problems }, null, 2)}\n`);
      return ExitCode.ok;
    }
    for (const problem of problems) {
      context.stderr(`could not read ${problem}\n`);
    }
    if (items.length === 0) {
      context.stdout('nothing waits for you\n');
      return ExitCode.ok;
    }
    context.stdout(
      formatTable(
        [
          { header: 'WHAT', max: 60, flexible: true },
          { header: 'SINCE', max: 20 },
          { header: 'DETAIL', max: 60, flexible: true, shrinkLast: true },
        ],
        items.map((item) => [
          item.title,
          item.since?.replace(/\.\d+Z$/, 'Z') ?? '',
          item.detail ?? '',
        ]),
      ),
    );
    return ExitCode.ok;
  },
};
