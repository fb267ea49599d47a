// A lower bound for the reader, measured beside it: the least any reader of the same plan must do
// on top of JSON.parse, with none of the rest. It parses, outlines the text to where the tasks are
// (the only way to see a duplicated task key, which JSON.parse drops), looks at each field's type
// without reading it, makes one small object per task, indexes the keys and resolves the
// dependencies into arrays. No normalised fields, no problems, no cycles, no summary.
import { isPlainObject } from '../../src/kernel/model/layout';
import { outlineChild, outlineJson } from '../../src/kernel/model/outline';
import { fieldCode } from '../../src/kernel/model/readTask';

class ThinTask {
  constructor(
    readonly key: string,
    readonly group: string,
    readonly index: number,
    readonly raw: Record<string, unknown>,
  ) {}
}

/**
 * The count of fields of an unexpected type and of groups holding a duplicated task key, so that
 * no check is optimised away. Without the outline, for the figure of a reader that would not look
 * for duplicated task keys at all.
 */
export function readerFloor(text: string, withOutline = true): number {
  const doc = JSON.parse(text) as { tasks: Record<string, Record<string, unknown>> };
  const groups = withOutline
    ? outlineChild(outlineJson(text, 3, { memberSpans: true }), 'tasks')?.children
    : undefined;
  const tasks: ThinTask[] = [];
  const byKey = new Map<string, number>();
  let unexpected = 0;
  let group = 0;
  for (const name in doc.tasks) {
    const members = doc.tasks[name];
    let count = 0;
    for (const key in members) {
      count++;
      const raw = members[key];
      if (!isPlainObject(raw)) {
        unexpected++;
        continue;
      }
      for (const field in raw) {
        if (fieldCode(field) !== -1 && !expectedType(raw[field])) {
          unexpected++;
        }
      }
      byKey.set(key, tasks.length);
      tasks.push(new ThinTask(key, name, tasks.length, raw));
    }
    // A duplicated key leaves the parsed group one member short of the spans in the text.
    if (groups && groups[group]?.spans?.length !== count * 2) {
      unexpected++;
    }
    group++;
  }
  const starts = new Int32Array(tasks.length + 1);
  const targets = new Int32Array(tasks.length * 2);
  let edges = 0;
  for (let i = 0; i < tasks.length; i++) {
    starts[i] = edges;
    const names = tasks[i].raw.dependencies;
    if (Array.isArray(names)) {
      for (const name of names) {
        const target = byKey.get(name as string);
        if (target !== undefined && edges < targets.length) {
          targets[edges++] = target;
        }
      }
    }
  }
  starts[tasks.length] = edges;
  return unexpected;
}

function expectedType(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'string') {
        return false;
      }
    }
    return true;
  }
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'object' || type === 'boolean';
}
