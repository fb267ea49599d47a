import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { GitHubService, type GitHubServiceOptions } from '../../../src/features/github/client';
import { FakeGitHub, openPull } from '../../support/fake-github';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';

const TOKEN = 'ghp_FaultSuiteToken0123456789abcdefXYZ';
const MB = 1024 * 1024;
const TASKS = [{ key: 'a', branch: 'feat/codex/task-a' }];
const PLAN = JSON.stringify(
  {
    schema_version: '1.0',
    tasks: {
      core: {
        task_a: {
          id: 'a',
          name: 'Task A',
          status: 'in_progress',
          branch: 'feat/codex/task-a',
        },
      },
    },
  },
  null,
  2,
);

/** A plain HTTP server posing as some host: it records every Authorization header it is sent. */
async function recordingServer(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers.authorization ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function service(fake: FakeGitHub, extra: Partial<GitHubServiceOptions> = {}) {
  return new GitHubService({
    getToken: async () => TOKEN,
    baseUrl: fake.url,
    configuredApiBaseUrls: [fake.url],
    repository: { owner: fake.state.owner, repo: fake.state.repo },
    retries: 2,
    retryBaseMs: 10,
    paceWrites: false,
    ...extra,
  });
}

function heapMb(): number {
  return process.memoryUsage().heapUsed / MB;
}

describe('faults: the GitHub client', function () {
  this.timeout(60_000);
  let fake: FakeGitHub | undefined;
  let repo: TempRepo | undefined;

  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    repo?.dispose();
    repo = undefined;
  });

  function planRepo(origin: string): TempRepo {
    const made = createTempRepo({ name: 'Plan', empty: true });
    made.write('task_status.json', PLAN);
    made.commit('plan');
    made.git('remote', 'add', 'origin', origin);
    return made;
  }

  it('never sends the token to a host that only the origin remote names', async () => {
    const poser = await recordingServer();
    try {
      const svc = new GitHubService({
        getToken: async () => TOKEN,
        baseUrl: poser.url,
        configuredApiBaseUrls: [],
        repository: { owner: 'o', repo: 'r' },
        retries: 0,
        paceWrites: false,
      });
      const status = await svc.refresh(TASKS);
      await assert.rejects(
        svc.createPullRequest({
          head: 'feat/x',
          base: 'main',
          title: 't',
          body: '',
          draft: false,
          labels: [],
          reviewers: [],
        }),
        (error: Error & { kind?: string }) => error.kind === 'untrustedHost',
      );
      const withToken = poser.seen.filter((header) => header !== '').length;
      console.log(
        `      requests to the posing host: ${poser.seen.length}, with a token: ${withToken}`,
      );
      assert.equal(status.error?.kind, 'untrustedHost', status.error?.message);
      assert.equal(withToken, 0);
    } finally {
      await poser.close();
    }
  });

  it('coord snapshot refuses to send GITHUB_TOKEN to the origin host and still writes the snapshot', async () => {
    repo = planRepo('git@localhost:someone/plan.git');
    const run = await coord(['snapshot'], repo.root, undefined, {
      ...process.env,
      GITHUB_TOKEN: TOKEN,
    });
    console.log(`      exit ${run.code}; stderr: ${run.stderr.trim().split('\n').join(' | ')}`);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Not sending the GitHub token to https:\/\/localhost\/api\/v3/);
    assert.doesNotMatch(run.stderr + run.stdout, new RegExp(TOKEN));
  });

  it('stops reading a huge answer at the size limit, without retrying it', async () => {
    fake = await FakeGitHub.start({ token: TOKEN });
    fake.inject({ kind: 'hugeBody', path: /\/pulls$/, bytes: 64 * MB, times: 5 });
    const before = heapMb();
    const started = Date.now();
    const status = await service(fake).refresh(TASKS);
    const grew = heapMb() - before;
    const attempts = fake.requestCount((e) => e.path.endsWith('/pulls'));
    console.log(
      `      64 MB answer: ${status.error?.kind} after ${Date.now() - started} ms, ${attempts} request(s), heap +${grew.toFixed(1)} MB`,
    );
    assert.equal(status.error?.kind, 'tooLarge', status.error?.message);
    assert.match(status.error?.message ?? '', /larger than 10 MB/);
    assert.equal(attempts, 1);
    assert.ok(grew < 48, `heap grew by ${grew.toFixed(1)} MB for a 64 MB answer`);
  });

  it('keeps a large error page out of the message: one line of at most a few hundred characters', async () => {
    fake = await FakeGitHub.start({ token: TOKEN });
    fake.inject({ kind: 'hugeBody', status: 500, path: /\/pulls$/, bytes: 5 * MB, times: 5 });
    const status = await service(fake, { retries: 0 }).refresh(TASKS);
    const length = status.error?.message.length ?? 0;
    console.log(`      5 MB error page: ${status.error?.kind}, message of ${length} characters`);
    assert.equal(status.error?.kind, 'server');
    assert.ok(length < 500, `the message has ${length} characters`);
    assert.doesNotMatch(status.error?.message ?? '', /\n/);
  });

  it('gives up on a server that never answers after the connect limit, once', async () => {
    fake = await FakeGitHub.start({ token: TOKEN });
    fake.inject({ kind: 'neverAnswer', times: 10 });
    const started = Date.now();
    const status = await service(fake, { limits: { connectTimeoutMs: 1_000 } }).refresh(TASKS);
    const took = Date.now() - started;
    console.log(
      `      never answering: ${status.error?.kind} after ${took} ms, ${fake.requestCount()} request(s)`,
    );
    assert.equal(status.error?.kind, 'timeout', status.error?.message);
    assert.match(status.error?.message ?? '', /did not answer GET \/repos\/.+\/pulls within 1 s/);
    assert.equal(fake.requestCount(), 1);
  });

  it('gives up on an answer that stops in the middle after the idle limit', async () => {
    fake = await FakeGitHub.start({ token: TOKEN });
    fake.inject({ kind: 'stallBody', times: 10 });
    const started = Date.now();
    const status = await service(fake, { limits: { idleTimeoutMs: 1_000 } }).refresh(TASKS);
    console.log(`      stalled body: ${status.error?.kind} after ${Date.now() - started} ms`);
    assert.equal(status.error?.kind, 'timeout', status.error?.message);
    assert.match(status.error?.message ?? '', /sent nothing for 1 s/);
  });

  it('reports a 200 that is not a GitHub answer instead of reading it', async () => {
    fake = await FakeGitHub.start({ token: TOKEN, pulls: [openPull(7, 'feat/codex/task-a')] });
    fake.inject({ kind: 'htmlPage', path: /\/pulls$/ });
    const html = await service(fake).refresh(TASKS);
    fake.inject({ kind: 'wrongJson', path: /\/pulls$/ });
    const wrong = await service(fake).refresh(TASKS);
    console.log(`      html: ${html.error?.message}\n      json: ${wrong.error?.message}`);
    assert.equal(html.error?.kind, 'malformed');
    assert.match(html.error?.message ?? '', /text\/html, not JSON/);
    assert.equal(wrong.error?.kind, 'malformed');
    assert.match(wrong.error?.message ?? '', /open pull requests is not what GitHub sends/);
  });

  describe('through the CLI', function () {
    let prFile: string;

    beforeEach(async () => {
      fake = await FakeGitHub.start({ owner: 'someone', repo: 'plan', token: TOKEN });
      repo = planRepo('git@github.com:someone/plan.git');
      prFile = join(repo.root, 'task_status.json');
    });

    const env = (extra: NodeJS.ProcessEnv = {}) => ({
      ...process.env,
      GITHUB_TOKEN: TOKEN,
      ...extra,
    });

    it('coord pr: a malformed 200 is one line, exit 1, and pr_number is not written', async () => {
      fake!.inject({ kind: 'htmlPage', method: 'POST', path: /\/pulls$/ });
      const run = await coord(
        ['pr', 'a', '--base', 'main', '--api-url', fake!.url],
        repo!.root,
        undefined,
        env(),
      );
      console.log(`      exit ${run.code}; stderr: ${run.stderr.trim()}`);
      assert.equal(run.code, 1);
      assert.doesNotMatch(run.stderr, /undefined|usage:/);
      assert.match(run.stderr, /POST \/repos\/someone\/plan\/pulls is not what GitHub sends/);
      assert.equal(run.stderr.trim().split('\n').length, 1);
      assert.doesNotMatch(readFileSync(prFile, 'utf8'), /pr_number/);
    });

    it('coord snapshot: a huge answer is cut at the limit from .vscode/settings.json; stderr and files stay small', async () => {
      mkdirSync(join(repo!.root, '.vscode'));
      writeFileSync(
        join(repo!.root, '.vscode', 'settings.json'),
        '{ // limits for this folder\n "coordinator.github.maxResponseMegabytes": 2, }\n',
      );
      fake!.inject({ kind: 'hugeBody', path: /\/pulls$/, bytes: 64 * MB, times: 5 });
      const started = Date.now();
      const run = await coord(['snapshot', '--api-url', fake!.url], repo!.root, undefined, env());
      const folder = join(repo!.root, 'docs', 'audits', 'coordination');
      const written = readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => statSync(join(entry.parentPath, entry.name)).size);
      const largest = Math.max(...written);
      console.log(
        `      exit ${run.code} after ${Date.now() - started} ms; stderr ${run.stderr.length} bytes; largest snapshot file ${largest} bytes`,
      );
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /larger than 2 MB; stopped reading/);
      assert.ok(run.stderr.length < 4096, `stderr is ${run.stderr.length} bytes`);
      assert.ok(largest < 64 * 1024, `a snapshot file is ${largest} bytes`);
    });

    it('takes the token from a logged-in gh when no GITHUB_TOKEN or GH_TOKEN is set, and never asks gh for another host', async () => {
      const bin = join(repo!.parent, 'bin');
      const asked = join(repo!.parent, 'gh-asked');
      mkdirSync(bin);
      writeFileSync(
        join(bin, 'gh'),
        `#!/bin/sh\necho "$@" >> '${asked}'\n[ "$1 $2" = "auth token" ] && echo ${TOKEN}\n`,
      );
      chmodSync(join(bin, 'gh'), 0o755);
      const noEnvToken: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      };
      delete noEnvToken.GITHUB_TOKEN;
      delete noEnvToken.GH_TOKEN;
      const run = await coord(
        ['snapshot', '--api-url', fake!.url],
        repo!.root,
        undefined,
        noEnvToken,
      );
      assert.equal(run.code, 0, run.stderr);
      const authorized = fake!.requestCount((e) => e.authorized);
      console.log(`      via gh: ${authorized} of ${fake!.requestCount()} requests authorized`);
      assert.ok(authorized > 0 && authorized === fake!.requestCount(), run.stderr);
      assert.match(readFileSync(asked, 'utf8'), /^auth token --hostname 127\.0\.0\.1:\d+$/m);

      writeFileSync(asked, '');
      repo!.git('remote', 'set-url', 'origin', 'git@localhost:someone/plan.git');
      const elsewhere = await coord(['snapshot'], repo!.root, undefined, noEnvToken);
      assert.match(elsewhere.stderr, /Not sending the GitHub token/);
      assert.equal(readFileSync(asked, 'utf8'), '');
    });
  });
});
