import type { SnapshotDocument } from './types';

const STATUS_CLASSES: Record<string, string> = {
  completed: 'fill:#d3f9d8,stroke:#2b8a3e,color:#1b4d26',
  in_progress: 'fill:#d0ebff,stroke:#1864ab,color:#0b3a66',
  ready: 'fill:#fff3bf,stroke:#e67700,color:#5c3c00',
  waiting: 'fill:#f3f0ff,stroke:#5f3dc4,color:#2f1d6b',
  blocked: 'fill:#ffe3e3,stroke:#c92a2a,color:#6b1111',
  not_started: 'fill:#f1f3f5,stroke:#868e96,color:#343a40',
  external: 'fill:#ffffff,stroke:#adb5bd,stroke-dasharray:4 3,color:#495057',
};

/** Text safe inside a quoted Mermaid label. */
export function mermaidLabel(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/"/g, '#quot;')
    .replace(/[<>]/g, (ch) => (ch === '<' ? '#lt;' : '#gt;'))
    .replace(/[`|]/g, ' ');
}

/**
 * The dependency graph as a Mermaid `graph TD` block (GitHub renders it): one subgraph per task
 * group, external prerequisites as dashed nodes, a class per status.
 */
export function renderMermaidGraph(doc: SnapshotDocument): string {
  const ids = new Map<string, string>();
  doc.tasks.forEach((task, index) => ids.set(task.key, `t${index}`));
  const externals = new Map<string, string>();
  for (const edge of doc.dependencies) {
    if (edge.external && !externals.has(edge.from)) {
      externals.set(edge.from, `x${externals.size}`);
    }
  }
  const lines = ['graph TD'];
  const byKey = new Map(doc.tasks.map((task) => [task.key, task]));
  doc.groups.forEach((group, groupIndex) => {
    lines.push(`  subgraph g${groupIndex}["${mermaidLabel(group.key)}"]`);
    for (const key of group.taskKeys) {
      const task = byKey.get(key);
      if (task) {
        const label = `${task.id}: ${task.name}`;
        lines.push(`    ${ids.get(key)}["${mermaidLabel(label)}"]:::${task.displayStatus}`);
      }
    }
    lines.push('  end');
  });
  for (const [name, id] of externals) {
    lines.push(`  ${id}(["${mermaidLabel(name)}"]):::external`);
  }
  for (const edge of doc.dependencies) {
    const from = edge.external ? externals.get(edge.from) : ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from && to) {
      lines.push(`  ${from} ${edge.external ? '-.->' : '-->'} ${to}`);
    }
  }
  for (const [status, style] of Object.entries(STATUS_CLASSES)) {
    lines.push(`  classDef ${status} ${style}`);
  }
  return lines.join('\n');
}
