// The layer check: dependency-cruiser's rules from .dependency-cruiser.cjs, plus no cycles
// between folders (a feature's model, its use cases and each of its host parts count as
// separate folders). Returns one line per violation.
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const require = createRequire(import.meta.url);

/** The folder a module belongs to for the cycle check, or undefined outside src/. */
export function folderOf(modulePath) {
  const parts = modulePath.split('/');
  if (parts[0] !== 'src' || parts.length < 3) {
    return undefined;
  }
  if (parts[1] === 'features') {
    const part = parts[3];
    const hostPart = ['model', 'vscode', 'cli', 'mcp'].includes(part) && parts.length > 4;
    return hostPart ? `src/features/${parts[2]}/${part}` : `src/features/${parts[2]}`;
  }
  if (['kernel', 'platform', 'hosts'].includes(parts[1]) && parts.length > 3) {
    return `src/${parts[1]}/${parts[2]}`;
  }
  return `src/${parts[1]}`;
}

/** Strongly connected components of more than one folder (Tarjan). */
function folderCycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node), index.get(to)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) {
        cycles.push(component.sort());
      }
    }
  };
  for (const node of edges.keys()) {
    if (!index.has(node)) {
      visit(node);
    }
  }
  return cycles;
}

/** Checks the tree under `root` (which holds src/ and tsconfig.json); resolves to violation lines. */
export async function checkLayers(root, configFile = path.join(root, '.dependency-cruiser.cjs')) {
  const config = require(configFile);
  const previous = process.cwd();
  process.chdir(root);
  try {
    const tsConfig = extractTSConfig(path.join(root, config.options.tsConfig.fileName));
    const result = await cruise(
      ['src'],
      {
        ...config.options,
        validate: true,
        ruleSet: { forbidden: config.forbidden },
        baseDir: root,
      },
      config.options.enhancedResolveOptions,
      { tsConfig },
    );
    const lines = result.output.summary.violations.map(
      (v) => `${v.rule.name}: ${v.from} → ${v.to}`,
    );
    const edges = new Map();
    for (const module of result.output.modules) {
      const from = folderOf(module.source);
      for (const dependency of module.dependencies) {
        const to = folderOf(dependency.resolved);
        if (from && to && from !== to) {
          const targets = edges.get(from) ?? new Map();
          targets.set(to, targets.get(to) ?? `${module.source} → ${dependency.resolved}`);
          edges.set(from, targets);
        }
      }
    }
    for (const cycle of folderCycles(edges)) {
      const examples = cycle.flatMap((from) =>
        cycle.filter((to) => edges.get(from)?.has(to)).map((to) => edges.get(from).get(to)),
      );
      lines.push(`no-folder-cycles: ${cycle.join(' ⇄ ')} (${examples.join('; ')})`);
    }
    return lines;
  } finally {
    process.chdir(previous);
  }
}
