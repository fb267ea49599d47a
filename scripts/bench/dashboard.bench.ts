/**
 * Dashboard rendering, measured inside the page: the built `dist/webview/dashboard.js` runs in
 * headless Chromium with a stub `acquireVsCodeApi`, receives a generated state of 1,000 and of
 * 10,000 tasks, then one-task deltas; the dependency graph of 1,000 tasks is laid out in the
 * page's web worker (time inside the worker, and the main thread's drawing of the result), and in
 * Node against the dagre layout it replaced.
 * Times include parsing the message and the browser's style and layout. Each figure is also
 * given as a ratio to a floor measured in the same page: as many plain text divs, built and laid out.
 * Run: `npm run bench -- dashboard --no-host`
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { deriveDashboard, diffDashboard } from '../../src/features/dashboard/model';
import { loadTaskFile } from '../../src/kernel/model/load';
import type { DashboardViewModel } from '../../src/protocol/dashboardModel';
import { NO_FILTERS } from '../../src/webview/filters';
import { graphNodes } from '../../src/webview/graph/graphInput';
import { layoutGraph } from '../../src/webview/graph/layout';
import { layoutWithDagre, type Polyline } from './dagreReference';
import { generatePlan } from './generatedPlan';

const FIRST_RENDER_BUDGETS_MS: [tasks: number, budget: number][] = [
  [1000, 150],
  [10000, 1000],
];
const LAYOUT_TASKS = 1000;
const LAYOUT_BUDGET_MS = 500;
const UPDATE_BUDGET_MS = 30;
const ROUNDS = 5;
const UPDATES = 20;

const STATUSES = ['not_started', 'in_progress', 'waiting', 'blocked', 'completed'];
const PRIORITIES = ['critical', 'high', 'medium', 'low'];
const OWNERS = ['Codex', 'Copilot', 'Claude Code', 'Codex + Copilot', 'Dana'];

/** A schema 1.0 task file with `count` tasks in 10 groups; about two thirds depend on earlier tasks. */
function generateTaskFile(count: number): string {
  const groups: Record<string, Record<string, unknown>> = {};
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = `task${i}_generated_work_item`;
    const dependencies =
      i > 5 && i % 3 !== 0
        ? [keys[Math.floor(i * 0.61)], ...(i % 7 === 0 ? [keys[i - 3]] : [])]
        : [];
    const group = `group${i % 10}`;
    groups[group] ??= {};
    groups[group][key] = {
      id: `t${i}`,
      name: `Generated task number ${i} with a realistic title length`,
      owner: OWNERS[i % OWNERS.length],
      status: STATUSES[(i * 7) % STATUSES.length],
      priority: PRIORITIES[i % PRIORITIES.length],
      estimated_hours: 1 + (i % 5) * 0.5,
      branch: `feat/codex/generated-${i}`,
      dependencies,
      pr_number: null,
      critical_review: i % 11 === 0,
      progress: {
        total_steps: 5,
        completed_steps: i % 6 === 5 ? 5 : i % 5,
        percentage: (i % 5) * 20,
      },
      blockers: i % 13 === 0 ? [`waiting_for_${i}`] : [],
    };
    keys.push(key);
  }
  return JSON.stringify(
    { last_updated: '2025-10-16T05:32:29Z', schema_version: '1.0', tasks: groups },
    null,
    2,
  );
}

function viewModel(text: string): DashboardViewModel {
  return deriveDashboard({
    folderName: 'bench',
    folderUri: 'file:///bench',
    loaded: loadTaskFile(text),
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const STUB = `
  window.acquireVsCodeApi = () => {
    let state;
    return { postMessage() {}, getState: () => state, setState: (s) => { state = s; } };
  };
  /** Delivers a host message as VS Code does (a JSON string parsed in the page) and waits for layout. */
  window.__deliver = (json) => {
    const start = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data: JSON.parse(json) }));
    void document.body.offsetHeight;
    return performance.now() - start;
  };
  /** Floor for comparison: the same number of plain text divs, built and laid out. */
  window.__baseline = (count) => {
    const start = performance.now();
    const holder = document.createElement('div');
    for (let i = 0; i < count; i++) {
      const div = document.createElement('div');
      div.textContent = 'Generated task number ' + i;
      holder.append(div);
    }
    document.body.append(holder);
    void document.body.offsetHeight;
    const took = performance.now() - start;
    holder.remove();
    return took;
  };
`;

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const dist = path.join(root, 'dist', 'webview');
  if (!existsSync(path.join(dist, 'dashboard.js'))) {
    throw new Error('dist/webview/dashboard.js is missing: run `node esbuild.js` first.');
  }
  const pageDir = mkdtempSync(path.join(tmpdir(), 'dashboard-bench-'));
  const htmlPath = path.join(pageDir, 'index.html');
  const asset = (name: string) => pathToFileURL(path.join(dist, name)).toString();
  writeFileSync(
    htmlPath,
    `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${asset('codicon.css')}">
<link rel="stylesheet" href="${asset('dashboard.css')}">
<script>${STUB}</script></head><body><div id="root"></div>
<script src="${asset('dashboard.js')}"></script></body></html>`,
  );
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const open = async () => {
      const page = await context.newPage();
      await page.goto(pathToFileURL(htmlPath).toString());
      return page;
    };
    for (const [tasks, budget] of FIRST_RENDER_BUDGETS_MS) {
      const model = viewModel(generateTaskFile(tasks));
      const firstRenders: number[] = [];
      const baselines: number[] = [];
      let heights = '';
      for (let round = 0; round < ROUNDS; round++) {
        const page = await open();
        baselines.push(await baselineOf(page, tasks));
        firstRenders.push(await deliver(page, { type: 'state', model }));
        heights = await page.evaluate(
          () =>
            `board ${Math.round(document.querySelector('.board')!.getBoundingClientRect().height)} px, ` +
            `${document.querySelectorAll('.task-card').length} cards drawn`,
        );
        await page.close();
      }
      const first = median(firstRenders);
      const baseline = median(baselines);
      console.log(
        `dashboard first render, ${tasks} tasks: ${first.toFixed(1)} ms (budget ${budget} ms, ratio ${(first / budget).toFixed(2)}; ${tasks} plain divs ${baseline.toFixed(1)} ms, ratio ${(first / baseline).toFixed(1)}; ${heights})`,
      );
    }
    await measureLayout(open, 'dependency-heavy plan', generateTaskFile(LAYOUT_TASKS));
    await measureLayout(open, 'chains of five (generatedPlan)', generatePlan(LAYOUT_TASKS));
    compareWithDagre('dependency-heavy plan', generateTaskFile(LAYOUT_TASKS));
    compareWithDagre('chains of five (generatedPlan)', generatePlan(LAYOUT_TASKS));
    await measureUpdates(await open());
  } finally {
    await browser.close();
    rmSync(pageDir, { recursive: true, force: true });
  }
}

/** The graph of a plan laid out in the page's worker: time in the worker and drawing it. */
async function measureLayout(
  open: () => Promise<Page>,
  label: string,
  text: string,
): Promise<void> {
  const model = viewModel(text);
  const inWorker: number[] = [];
  const drawing: number[] = [];
  const baselines: number[] = [];
  let nodes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const page = await open();
    baselines.push(await baselineOf(page, LAYOUT_TASKS));
    await deliver(page, { type: 'state', model });
    await page.locator('.graph[data-layout="drawn"]').waitFor({ timeout: 120_000 });
    const times = await page.evaluate(() => {
      const graph = document.querySelector<HTMLElement>('.graph')!;
      return {
        layout: Number(graph.dataset.layoutMs),
        draw: Number(graph.dataset.drawMs),
        nodes: document.querySelectorAll('.graph-svg .node').length,
      };
    });
    inWorker.push(times.layout);
    drawing.push(times.draw);
    nodes = times.nodes;
    await page.close();
  }
  const layout = median(inWorker);
  const baseline = median(baselines);
  console.log(
    `graph layout in the worker, ${model.tasks.length} tasks (${label}): ${layout.toFixed(1)} ms (budget ${LAYOUT_BUDGET_MS} ms, ratio ${(layout / LAYOUT_BUDGET_MS).toFixed(2)}; ${LAYOUT_TASKS} plain divs ${baseline.toFixed(1)} ms, ratio ${(layout / baseline).toFixed(1)}); drawing its ${nodes} nodes on the page ${median(drawing).toFixed(1)} ms`,
  );
}

/**
 * The layout against the dagre layout it replaced (scripts/bench/dagreReference.ts), both in Node
 * in this run: time, and edge crossings as a measure of the drawing.
 */
function compareWithDagre(label: string, text: string): void {
  const nodes = graphNodes(viewModel(text).tasks, NO_FILTERS);
  const ours: number[] = [];
  const dagre: number[] = [];
  let oursEdges: Polyline[] = [];
  let dagreGroups: Polyline[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    oursEdges = layoutGraph({ nodes, viewWidth: 1300 }).edges;
    ours.push(performance.now() - start);
    start = performance.now();
    dagreGroups = layoutWithDagre(nodes);
    dagre.push(performance.now() - start);
  }
  const oursMs = median(ours);
  const dagreMs = median(dagre);
  const dagreCrossings = dagreGroups.reduce((sum, group) => sum + crossingsOf(group), 0);
  console.log(
    `graph layout in Node, ${nodes.length} tasks (${label}): ${oursMs.toFixed(1)} ms; dagre as before ${dagreMs.toFixed(1)} ms, ratio ${(oursMs / dagreMs).toFixed(2)}; edge crossings ${crossingsOf(oursEdges)} vs dagre's ${dagreCrossings}`,
  );
}

/** Proper crossings between segments of different polylines. */
function crossingsOf(edges: readonly Polyline[]): number {
  type P = { x: number; y: number };
  const segments: [P, P, number][] = [];
  edges.forEach((edge, k) => {
    for (let i = 1; i < edge.points.length; i++) {
      segments.push([edge.points[i - 1], edge.points[i], k]);
    }
  });
  const side = (a: P, b: P, c: P) =>
    Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const [a, b, k] = segments[i];
      const [c, d, m] = segments[j];
      if (k !== m && side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0) {
        count++;
      }
    }
  }
  return count;
}

/** One-task deltas on the 1,000-task dashboard. */
async function measureUpdates(page: Page): Promise<void> {
  const text = generateTaskFile(1000);
  const model = viewModel(text);
  const first = await deliver(page, { type: 'state', model });
  await page.locator('.graph[data-layout="drawn"]').waitFor({ timeout: 120_000 });
  const updates: number[] = [];
  let previous = model;
  for (let i = 0; i < UPDATES; i++) {
    const changedText = text.replace(
      new RegExp(`("id": "t${i * 37}",[\\s\\S]*?"status": )"[a-z_]+"`),
      `$1"${STATUSES[(i + 1) % STATUSES.length]}"`,
    );
    const next = viewModel(changedText);
    const delta = diffDashboard(previous, next);
    updates.push(await deliver(page, { type: 'delta', delta }));
    previous = next;
  }
  const update = median(updates);
  console.log(
    `dashboard one-task update, 1000 tasks: ${update.toFixed(1)} ms (budget ${UPDATE_BUDGET_MS} ms, ratio ${(update / UPDATE_BUDGET_MS).toFixed(2)}; vs that page's first render ratio ${(update / first).toFixed(3)})`,
  );
  await page.close();
}

function baselineOf(page: Page, count: number): Promise<number> {
  return page.evaluate(
    (n) => (window as unknown as { __baseline(n: number): number }).__baseline(n),
    count,
  );
}

async function deliver(page: Page, message: unknown): Promise<number> {
  const json = JSON.stringify(message);
  return page.evaluate(
    (payload) => (window as unknown as { __deliver(json: string): number }).__deliver(payload),
    json,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
