import { FieldReader } from './fieldReader';
import { describeValue, type ProblemSink } from './problems';
import type { GuardrailDefinition } from './types';

export const GUARDRAIL_SECTIONS = ['pre_audit_guardrails', 'guardrails'] as const;

/** Reads the guardrail map (`pre_audit_guardrails`, or `guardrails`) of a document. */
export function readGuardrails(
  doc: Record<string, unknown>,
  report: ProblemSink,
): GuardrailDefinition[] {
  const section = GUARDRAIL_SECTIONS.find((name) => doc[name] !== undefined);
  if (!section) {
    return [];
  }
  const map = doc[section];
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    report({
      severity: 'error',
      code: 'wrong-type',
      message: `"${section}" should be an object of guardrails, not ${describeValue(map)}`,
      path: [section],
    });
    return [];
  }
  const guardrails: GuardrailDefinition[] = [];
  for (const [key, raw] of Object.entries(map as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      report({
        severity: 'error',
        code: 'wrong-type',
        message: `guardrail "${key}" should be an object`,
        path: [section, key],
      });
      continue;
    }
    const fields = new FieldReader(raw as Record<string, unknown>, [section, key], report);
    const command = fields.string(['command', 'cmd']);
    if (command === undefined) {
      report({
        severity: 'error',
        code: 'missing-command',
        message: `guardrail "${key}" has no "command"`,
        path: [section, key],
      });
      continue;
    }
    const guardrail: GuardrailDefinition = {
      key,
      command,
      required: fields.boolean(['required']) ?? true,
      raw: raw as Record<string, unknown>,
    };
    const expected = fields.stringList(['expected']);
    const optional: Partial<GuardrailDefinition> = {
      expected: expected.length > 0 ? expected : undefined,
      outputPath: fields.string(['output_path']),
      dependsOn: fields.string(['depends_on']),
      description: fields.string(['description']),
      status: fields.string(['status']),
      lastRun: fields.string(['last_run']),
      durationMs: fields.number(['duration_ms']),
      cause: fields.string(['cause']),
    };
    for (const [name, value] of Object.entries(optional)) {
      if (value !== undefined) {
        (guardrail as unknown as Record<string, unknown>)[name] = value;
      }
    }
    guardrails.push(guardrail);
  }
  return guardrails;
}
