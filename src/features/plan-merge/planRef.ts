import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import {
  fetchRef,
  pushRefWithLease,
  resolveObject,
  setRef,
  writeBlob,
  writeFilesCommit,
} from '../../platform/git';
import type { TaskFileStore } from '../../platform/taskfile/store';
import { mergeTaskFiles } from './model/mergeTaskFiles';
import type { MergeNote } from './model/types';
import { planFileInRepo, planTextAt, type PlanFileInRepo } from './planFileInRepo';

/** The ref the plan travels on, locally (the plan as last pushed or pulled) and on the remote. */
export const PLAN_REF = 'refs/coordinator/plan';

/** Where the remote's plan ref is fetched to. */
export function remotePlanRef(remote: string): string {
  return `refs/coordinator/remotes/${remote}/plan`;
}

export interface PlanRefOptions {
  store: TaskFileStore;
  remote: string;
  signal?: AbortSignal;
  /** Pushes tried before giving up while other machines keep moving the ref (default 60). */
  maxAttempts?: number;
}

export interface PlanSync {
  /** The plan commit the remote and the local ref now hold. */
  commit: string | undefined;
  /** The remote's changes were merged into the task file. */
  mergedRemote: boolean;
  /** Nothing to send or take. */
  upToDate: boolean;
  /** Pushes that lost a race and were retried after a merge. */
  retries: number;
  decisions: MergeNote[];
}

/**
 * Sends the canonical task file to `remote`'s plan ref. The plan is committed without touching any
 * index (a temporary one) and the ref moved with compare-and-swap (`--force-with-lease`); when
 * another machine moved it first, its plan is fetched, merged with this one by the plan's field
 * rules and the push tried again. The merged plan is written back to the task file through the store.
 */
export async function pushPlan(options: PlanRefOptions): Promise<PlanSync> {
  checkRemoteName(options.remote);
  const plan = await planFileInRepo(options.store.filePath);
  const maxAttempts = options.maxAttempts ?? 60;
  const decisions: MergeNote[] = [];
  for (let attempt = 0; ; attempt++) {
    const synced = await resolveObject(plan.root, PLAN_REF, options.signal);
    const remoteHead = await fetchPlanRef(plan, options);
    const file = await readPlanText(options.store);
    let text = file;
    let parents = synced ? [synced] : [];
    const remoteText = await planTextAt(plan, remoteHead, options.signal);
    if (remoteHead && remoteHead !== synced) {
      const base = await baseText(plan, synced, remoteText, options.signal);
      text = mergeOrRefuse(base, file, remoteText ?? file, decisions);
      parents = synced ? [remoteHead, synced] : [remoteHead];
    }
    if (remoteHead && text === remoteText) {
      await setLocalRef(plan, remoteHead, options.signal);
      await writeBack(options.store, file, text, decisions);
      return {
        commit: remoteHead,
        mergedRemote: text !== file,
        upToDate: text === file,
        retries: attempt,
        decisions,
      };
    }
    const blob = await writeBlob(plan.root, text, options.signal);
    const { commit } = await writeFilesCommit(
      plan.root,
      { files: [{ path: plan.path, blob }], parents, message: 'Update the plan\n' },
      options.signal,
    );
    if (
      await pushRefWithLease(
        plan.root,
        options.remote,
        PLAN_REF,
        commit,
        remoteHead,
        options.signal,
      )
    ) {
      await setLocalRef(plan, commit, options.signal);
      await writeBack(options.store, file, text, decisions);
      return { commit, mergedRemote: text !== file, upToDate: false, retries: attempt, decisions };
    }
    if (attempt + 1 >= maxAttempts) {
      throw new CoordinatorError(
        'planConflict',
        `${options.remote} kept moving ${PLAN_REF} (${maxAttempts} tries); try again`,
      );
    }
    // Others are pushing too: wait a little, longer each time, so the race thins out.
    await delay(Math.random() * Math.min(50 * (attempt + 1), 1000));
  }
}

/**
 * Merges `remote`'s plan ref into the canonical task file by the plan's field rules, through the
 * store (so concurrent writers and local edits not yet pushed are kept).
 */
export async function pullPlan(options: PlanRefOptions): Promise<PlanSync> {
  checkRemoteName(options.remote);
  const plan = await planFileInRepo(options.store.filePath);
  const synced = await resolveObject(plan.root, PLAN_REF, options.signal);
  const remoteHead = await fetchPlanRef(plan, options);
  if (!remoteHead) {
    throw new CoordinatorError(
      'badInput',
      `${options.remote} has no plan yet (${PLAN_REF}); coord plan push sends this one`,
    );
  }
  const decisions: MergeNote[] = [];
  if (remoteHead === synced) {
    return { commit: remoteHead, mergedRemote: false, upToDate: true, retries: 0, decisions };
  }
  const remoteText = await planTextAt(plan, remoteHead, options.signal);
  if (remoteText === undefined) {
    throw new CoordinatorError(
      'badInput',
      `${PLAN_REF} on ${options.remote} holds no ${plan.path}`,
    );
  }
  const base = await baseText(plan, synced, remoteText, options.signal);
  let changed = false;
  await options.store.applyText((current) => {
    const merged = mergeOrRefuse(base, current, remoteText, decisions);
    changed = merged !== current;
    return merged;
  });
  await setLocalRef(plan, remoteHead, options.signal);
  return { commit: remoteHead, mergedRemote: changed, upToDate: !changed, retries: 0, decisions };
}

function checkRemoteName(remote: string): void {
  if (!/^[^-\s][^\s]*$/.test(remote)) {
    throw new CoordinatorError('badInput', `"${remote}" is not a remote name`);
  }
}

function fetchPlanRef(plan: PlanFileInRepo, options: PlanRefOptions): Promise<string | undefined> {
  return fetchRef(
    plan.root,
    options.remote,
    PLAN_REF,
    remotePlanRef(options.remote),
    options.signal,
  );
}

async function readPlanText(store: TaskFileStore): Promise<string> {
  const loaded = await store.read();
  if (loaded.broken) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    throw new CoordinatorError(
      'badInput',
      `${store.filePath} has errors, so it is not sent${first ? ` (${first.line}:${first.column}: ${first.message})` : ''}`,
    );
  }
  return loaded.text;
}

/**
 * The plan both sides started from: as last pushed or pulled here, else as committed at HEAD
 * (where the plan ref's history began), else the remote's (this side's edits then win).
 */
async function baseText(
  plan: PlanFileInRepo,
  synced: string | undefined,
  remoteText: string | undefined,
  signal?: AbortSignal,
): Promise<string> {
  return (
    (await planTextAt(plan, synced, signal)) ??
    (await planTextAt(plan, await resolveObject(plan.root, 'HEAD^{commit}', signal), signal)) ??
    remoteText ??
    ''
  );
}

function mergeOrRefuse(base: string, ours: string, theirs: string, decisions: MergeNote[]): string {
  const merged = mergeTaskFiles(base, ours, theirs);
  if (merged.kind === 'conflict') {
    const where = merged.conflicts.map((c) => (c.path ? `${c.path}: ${c.message}` : c.message));
    throw new CoordinatorError(
      'planConflict',
      `the plan on the remote and this one cannot be merged: ${where.join('; ')}`,
    );
  }
  decisions.push(...merged.decisions);
  return merged.text;
}

/** The local ref follows what the remote accepted; the remote is the plan's truth. */
async function setLocalRef(
  plan: PlanFileInRepo,
  commit: string,
  signal?: AbortSignal,
): Promise<void> {
  await setRef(plan.root, PLAN_REF, commit, 'coord plan', signal);
}

/** The merged plan into the task file, keeping whatever was written to it since it was read. */
async function writeBack(
  store: TaskFileStore,
  sent: string,
  merged: string,
  decisions: MergeNote[],
): Promise<void> {
  if (merged === sent) {
    return;
  }
  await store.applyText((current) =>
    current === sent ? merged : mergeOrRefuse(sent, current, merged, decisions),
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
