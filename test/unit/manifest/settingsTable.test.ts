import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS, SETTING_KEYS } from '../../../src/kernel/config/settingsTable';
import { Settings } from '../../../src/features/common/vscode/constants';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
};
const declared = pkg.contributes.configuration.properties;

describe('the settings table is the source of package.json settings', () => {
  it('declares exactly the settings of the table', () => {
    assert.deepEqual(
      Object.keys(declared).sort(),
      SETTING_KEYS.map((key) => `coordinator.${key}`).sort(),
    );
  });

  it("uses the table's default for every setting", () => {
    for (const key of SETTING_KEYS) {
      assert.deepEqual(declared[`coordinator.${key}`]?.default, SETTINGS[key].default, key);
    }
  });

  it('restricts in untrusted workspaces exactly the settings the table restricts', () => {
    const restricted = SETTING_KEYS.filter((key) => SETTINGS[key].restricted)
      .map((key) => `coordinator.${key}`)
      .sort();
    assert.ok(restricted.includes('coordinator.worktrees.setupCommand'));
    assert.deepEqual(
      [...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(),
      restricted,
    );
  });

  it('names only table settings among the extension ids', () => {
    const keys = new Set<string>(SETTING_KEYS);
    for (const [name, id] of Object.entries(Settings)) {
      if (name !== 'section') {
        assert.ok(keys.has(id), `Settings.${name} = ${id} is in the table`);
      }
    }
  });
});
