// The VS Code versions the real-host suites run on stay consistent with the manifest.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface VsCodeTarget {
  name: string;
  codeServer: string;
  vscode: string;
  node: string | undefined;
  nativeModules: string[];
  serverArgs: string[];
  notificationToasts: boolean;
}

interface VersionsModule {
  VSCODE_ENV: string;
  VSCODE_TARGETS: VsCodeTarget[];
  selectedVsCode(env: Record<string, string | undefined>): VsCodeTarget;
}

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
};

const majorMinor = (version: string): string =>
  version
    .replace(/^[\^~]/, '')
    .split('.')
    .slice(0, 2)
    .join('.');

describe('tested VS Code versions', () => {
  let versions: VersionsModule;
  before(async () => {
    versions = (await import(
      pathToFileURL(path.join(root, 'scripts', 'vscode', 'versions.mjs')).href
    )) as VersionsModule;
  });

  it('tests the engines.vscode minimum, the release @types/vscode describes', () => {
    const minimum = versions.VSCODE_TARGETS.find((target) => target.name === 'minimum');
    assert.ok(minimum);
    assert.equal(majorMinor(minimum.vscode), majorMinor(pkg.engines.vscode));
    assert.equal(majorMinor(minimum.vscode), majorMinor(pkg.devDependencies['@types/vscode']));
  });

  it('tests a newer VS Code than the minimum, each version once', () => {
    const [minimum, newest] = versions.VSCODE_TARGETS;
    const minor = (version: string): number => Number(version.split('.')[1]);
    assert.ok(minor(newest.vscode) > minor(minimum.vscode), `${newest.vscode}`);
    const codeServers = versions.VSCODE_TARGETS.map((target) => target.codeServer);
    assert.equal(new Set(codeServers).size, codeServers.length);
  });

  it('runs the minimum unless COORDINATOR_VSCODE names another', () => {
    assert.equal(versions.selectedVsCode({}).name, 'minimum');
    assert.equal(versions.selectedVsCode({ [versions.VSCODE_ENV]: 'newest' }).name, 'newest');
  });

  it('refuses an unknown name with one line listing the choices', () => {
    assert.throws(
      () => versions.selectedVsCode({ [versions.VSCODE_ENV]: '1.200' }),
      (error: Error & { code?: string }) =>
        error.code === 'unknownVsCode' &&
        !error.message.includes('\n') &&
        error.message.includes('minimum, newest'),
    );
  });
});
