import { z } from 'zod';
import { REVIEW_VERDICTS } from '../model/reviews';

const checklist = (description: string) => z.array(z.string()).describe(description);

export const reviewRulesSchema = z
  .array(
    z.looseObject({
      paths: z
        .array(z.string())
        .min(1)
        .describe(
          'gitignore-style globs; a change under one (or a rename into one) needs the review.',
        ),
      reviewer: z
        .string()
        .describe('Who must approve: a role, agent or person, e.g. "Claude Code".'),
      checklist: checklist('What the reviewer checks, item by item.').optional(),
    }),
  )
  .describe(
    "Review gates: a task whose branch changes a matching path (against its merge-base with the base branch) cannot be completed without the reviewer's current approval.",
  );

export const reviewRecordSchema = z
  .looseObject({
    reviewer: z.string().describe('Who reviewed (the acting agent or person).'),
    verdict: z.enum(REVIEW_VERDICTS).describe('approve or request_changes.'),
    checked: z.array(z.int().min(1)).describe('Numbers of the checklist items checked.'),
    note: z.string().describe('What the reviewer said.'),
    at: z.string().describe('When (ISO time).'),
    commit: z
      .string()
      .describe('The branch head that was reviewed; a later commit makes it stale.'),
    host: z.string().describe('Through what it was recorded: editor, cli or mcp.'),
  })
  .partial({ checked: true, note: true, commit: true, host: true })
  .describe('A recorded review.');

export const reviewRequestSchema = z
  .looseObject({
    by: z.string().describe('Who asked for the review.'),
    at: z.string().describe('When (ISO time); the review SLA runs from here.'),
    commit: z.string().describe('The branch head to be reviewed.'),
    note: z.string().describe('What the reviewer should look at.'),
    host: z.string().describe('Through what it was recorded: editor, cli or mcp.'),
  })
  .partial({ commit: true, note: true, host: true })
  .describe('A request for a review.');
