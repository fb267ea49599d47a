import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CoordinatorError } from '../../../src/kernel/errors/coordinatorError';

const root = path.resolve(__dirname, '../../..');

interface ClassFound {
  name: string;
  base: string | undefined;
  file: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every class declared in `src`, with the name of the class it extends. */
function classesIn(srcDir: string): ClassFound[] {
  const found: ClassFound[] = [];
  for (const file of sourceFiles(srcDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node): void => {
      if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) {
        const extendsClause = node.heritageClauses?.find(
          (clause) => clause.token === ts.SyntaxKind.ExtendsKeyword,
        );
        const base = extendsClause?.types[0]?.expression;
        found.push({
          name: node.name.text,
          base: base ? base.getText(source).replace(/^.*\./, '') : undefined,
          file: path.relative(root, file),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The classes whose chain of bases reaches JavaScript's `Error` without passing `stopAt`. */
function errorClassesNotUnder(classes: ClassFound[], stopAt: string): ClassFound[] {
  const byName = new Map(classes.map((c) => [c.name, c]));
  const builtinErrors = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError']);
  return classes.filter((start) => {
    let current: ClassFound | undefined = start;
    const seen = new Set<string>();
    while (current && !seen.has(current.name)) {
      if (current.name === stopAt) {
        return false;
      }
      seen.add(current.name);
      if (current.base === undefined) {
        return false;
      }
      if (builtinErrors.has(current.base)) {
        return true;
      }
      current = byName.get(current.base);
    }
    return false;
  });
}

/** Whether `start`'s chain of bases passes through `target`. */
function reaches(classes: ClassFound[], start: ClassFound, target: string): boolean {
  const byName = new Map(classes.map((c) => [c.name, c]));
  let base = start.base;
  const seen = new Set<string>();
  while (base !== undefined && !seen.has(base)) {
    if (base === target) {
      return true;
    }
    seen.add(base);
    base = byName.get(base)?.base;
  }
  return false;
}

describe('architecture: one error shape', () => {
  const classes = classesIn(path.join(root, 'src'));

  it('every error class in src extends CoordinatorError (a code, one line, optional detail)', () => {
    const stray = errorClassesNotUnder(classes, 'CoordinatorError').map(
      (c) => `${c.name} (${c.file}) extends ${c.base}`,
    );
    assert.deepEqual(stray, [], 'error classes that do not extend CoordinatorError');
    const folded = classes
      .filter((c) => c.name !== 'CoordinatorError' && reaches(classes, c, 'CoordinatorError'))
      .map((c) => c.name);
    for (const name of [
      'TaskEditError',
      'TaskFileBrokenError',
      'TaskFileStoreError',
      'LockTimeoutError',
      'GitError',
      'UsageError',
      'CommandFailure',
      'HelpRequested',
      'TaskFileNotFoundError',
      'SnapshotError',
      'TemplateError',
      'NamingError',
      'StartTaskError',
      'GuardrailRecordError',
      'GitHubError',
      'NotARepositoryError',
    ]) {
      assert.ok(folded.includes(name), `${name} is found and extends CoordinatorError`);
    }
  });

  it('finds a stray error class: the check is not vacuous', () => {
    const stray = errorClassesNotUnder(
      [
        { name: 'CoordinatorError', base: 'Error', file: 'a.ts' },
        { name: 'GoodError', base: 'CoordinatorError', file: 'b.ts' },
        { name: 'StrayError', base: 'Error', file: 'c.ts' },
        { name: 'StrayChild', base: 'StrayError', file: 'd.ts' },
        { name: 'NotAnError', base: undefined, file: 'e.ts' },
      ],
      'CoordinatorError',
    ).map((c) => c.name);
    assert.deepEqual(stray, ['StrayError', 'StrayChild']);
  });

  it('keeps one line as the message and the rest as detail', () => {
    const error = new CoordinatorError('gitFailed', 'git push failed: denied\nhint: pull first');
    assert.equal(error.message, 'git push failed: denied');
    assert.equal(error.detail, 'hint: pull first');
    assert.equal(error.code, 'gitFailed');
    const given = new CoordinatorError('badInput', 'one line', { detail: 'more' });
    assert.equal(given.detail, 'more');
    assert.equal(new CoordinatorError('badInput', 'just this').detail, undefined);
  });
});
