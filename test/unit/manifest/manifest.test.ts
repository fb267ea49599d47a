import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  Commands,
  ContextKeys,
  Views,
  Settings,
} from '../../../src/features/common/vscode/constants';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json manifest', () => {
  it('declares exactly the commands the code knows, each in the Coordinator category', () => {
    const declared = pkg.contributes.commands as { command: string; category: string }[];
    assert.deepEqual(declared.map((c) => c.command).sort(), Object.values(Commands).sort());
    for (const c of declared) {
      assert.equal(c.category, 'Coordinator', c.command);
    }
  });

  it('declares the views and container named in the design', () => {
    const views = pkg.contributes.views[Views.container].map((v: { id: string }) => v.id);
    assert.ok(views.includes(Views.tasks));
    assert.ok(views.includes(Views.worktrees));
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, Views.container);
  });

  it('prefixes every setting with coordinator.', () => {
    const keys = Object.keys(pkg.contributes.configuration.properties);
    assert.ok(keys.length > 0);
    for (const key of keys) {
      assert.ok(key.startsWith(`${Settings.section}.`), key);
    }
  });

  it('runs as a workspace extension with limited untrusted support', () => {
    assert.deepEqual(pkg.extensionKind, ['workspace']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(pkg.engines.vscode, /^\^1\.99/);
  });

  it('has a Getting Started walkthrough whose steps run declared commands and show shipped pages', () => {
    const known = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const contexts = new Set<string>(Object.values(ContextKeys));
    const ignored = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    const [walkthrough] = pkg.contributes.walkthroughs as {
      steps: {
        id: string;
        description: string;
        media: { markdown: string };
        completionEvents: string[];
      }[];
    }[];
    assert.deepEqual(
      walkthrough!.steps.map((step) => step.id),
      ['plan', 'start', 'watch', 'guardrails', 'dashboard'],
    );
    assert.match(ignored, /^!media\/\*\*$/m, 'the pages are packaged');
    for (const step of walkthrough!.steps) {
      assert.ok(existsSync(path.join(root, step.media.markdown)), step.media.markdown);
      const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${step.id} offers its action as a link`);
      for (const command of links) {
        assert.ok(known.has(command), `${step.id}: ${command}`);
      }
      for (const event of step.completionEvents) {
        const [kind, id] = event.split(/:(.*)/);
        if (kind === 'onCommand') {
          assert.ok(known.has(id), `${step.id}: ${event}`);
        } else if (kind === 'onContext') {
          assert.ok(contexts.has(id!), `${step.id}: ${event}`);
        } else {
          assert.equal(kind, 'onView', event);
          assert.ok(Object.values(Views).includes(id as never), `${step.id}: ${event}`);
        }
      }
    }
  });

  it('references only command ids that are declared in menus', () => {
    const known = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    for (const items of Object.values(pkg.contributes.menus ?? {}) as { command?: string }[][]) {
      for (const item of items) {
        if (item.command) {
          assert.ok(known.has(item.command), item.command);
        }
      }
    }
  });

  it("keeps each feature's commands in its own vscode/commands folder, one file each", () => {
    const featuresDir = path.join(root, 'src/features');
    const commandFiles = readdirSync(featuresDir).flatMap((feature) => {
      const dir = path.join(featuresDir, feature, 'vscode', 'commands');
      return existsSync(dir) ? readdirSync(dir).map((file) => `${feature}/${file}`) : [];
    });
    assert.ok(commandFiles.includes('tasks/setTaskStatus.ts'), commandFiles.join(', '));
    assert.ok(commandFiles.includes('worktrees/startTaskInWorktree.ts'), commandFiles.join(', '));
    assert.ok(commandFiles.includes('guardrails/runGuardrails.ts'), commandFiles.join(', '));
  });
});
