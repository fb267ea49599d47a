/**
 * `coordinator.guardrails.env`: variables for guardrail commands, as an object of name to string;
 * `null` removes a variable inherited from the editor's environment.
 */
export function parseEnvSetting(value: unknown): {
  env: Record<string, string | undefined>;
  problems: string[];
} {
  const env: Record<string, string | undefined> = {};
  const problems: string[] = [];
  if (value === undefined || value === null) {
    return { env, problems };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { env, problems: ['expected an object of variable names to strings'] };
  }
  for (const [name, raw] of Object.entries(value)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problems.push(`"${name}" is not a variable name`);
    } else if (raw === null) {
      env[name] = undefined;
    } else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      env[name] = String(raw);
    } else {
      problems.push(`"${name}" must be a string, or null to remove it`);
    }
  }
  return { env, problems };
}
