import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import {
  DEFAULT_LOG_FOLDER,
  DEFAULT_PARALLELISM,
  DEFAULT_TIMEOUT_MINUTES,
} from '../../../src/features/guardrails/model/defaults';
import { parseGuardrailSettings } from '../../../src/features/guardrails/model/definitions';
import { Settings, TaskTypes } from '../../../src/features/common/vscode/constants';

interface Property {
  default?: unknown;
  markdownDescription?: string;
  items?: object;
}

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    configuration: { properties: Record<string, Property> };
    taskDefinitions: { type: string; required: string[]; properties: object }[];
  };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
};
const properties = pkg.contributes.configuration.properties;
const setting = (id: string): Property => {
  const property = properties[`${Settings.section}.${id}`];
  assert.ok(property, `coordinator.${id} is declared`);
  return property;
};
const guardrailSettings = Object.values(Settings).filter((id) => id.startsWith('guardrails.'));

describe('guardrail contributions in package.json', () => {
  it('declares every guardrail setting with a description, and the defaults the CLI uses', () => {
    assert.ok(guardrailSettings.length >= 8);
    for (const id of guardrailSettings) {
      assert.ok(setting(id).markdownDescription, id);
    }
    assert.equal(setting(Settings.guardrailsTimeoutMinutes).default, DEFAULT_TIMEOUT_MINUTES);
    assert.equal(setting(Settings.guardrailsParallelism).default, DEFAULT_PARALLELISM);
    assert.equal(setting(Settings.guardrailsLogFolder).default, DEFAULT_LOG_FOLDER);
    assert.equal(setting(Settings.guardrailsRequirePassBeforeComplete).default, true);
  });

  it('keeps what decides which commands run out of reach of an untrusted workspace', () => {
    const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const id of [
      Settings.guardrailsDefinitions,
      Settings.guardrailsEnv,
      Settings.guardrailsCwd,
      Settings.guardrailsLogFolder,
    ]) {
      assert.ok(restricted.includes(`${Settings.section}.${id}`), id);
    }
  });

  it('has a schema for definition entries that agrees with the parser', () => {
    const validate = new Ajv({ strict: false }).compile(setting(Settings.guardrailsDefinitions));
    const good = [
      { key: 'lint', command: 'npm run lint', required: true, expected: '0 problems' },
      {
        key: 'compat_enforce',
        output_path: 'docs/audits/<timestamp>/',
        depends_on: 'task1_shadow_diff',
      },
    ];
    assert.ok(validate(good), JSON.stringify(validate.errors));
    assert.deepEqual(parseGuardrailSettings(good).problems, []);
    for (const bad of [
      [{ command: 'make x' }],
      [{ key: 'x', required: 'yes' }],
      [{ key: 'x', command: '' }],
    ]) {
      assert.equal(validate(bad), false, JSON.stringify(bad));
      assert.equal(parseGuardrailSettings(bad).problems.length, 1, JSON.stringify(bad));
    }
  });

  it('contributes the coordinator-guardrail task type with a required key', () => {
    const definition = pkg.contributes.taskDefinitions.find((d) => d.type === TaskTypes.guardrail);
    assert.ok(definition);
    assert.deepEqual(definition.required, ['key']);
    assert.deepEqual(Object.keys(definition.properties).sort(), ['folder', 'key']);
  });
});
