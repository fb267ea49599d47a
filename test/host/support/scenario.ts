import { HostEnv } from './env';

export interface HostScenario {
  readonly name: string;
  /** True when the workspace was opened without --disable-workspace-trust. */
  readonly untrusted: boolean;
}

/** The scenario the driver started this window for; a trusted "default" one when run elsewhere. */
export function currentScenario(): HostScenario {
  const raw = process.env[HostEnv.scenario];
  if (!raw) {
    return { name: 'default', untrusted: false };
  }
  const parsed = JSON.parse(raw) as Partial<HostScenario>;
  return { name: String(parsed.name ?? 'default'), untrusted: parsed.untrusted === true };
}
