// The demo's stand-in GitHub: the fake GitHub of the tests (its responses are checked against
// GitHub's OpenAPI description) on 127.0.0.1, serving the demo's pull requests and checks, all
// labelled as demo data. Needs the tsx loader (`node --import tsx`).
import { FakeGitHub, shaFor } from '../../test/support/fake-github/index.ts';
import { DEMO_PULLS, DEMO_REMOTE, demoPulls, demoTaskFile } from '../vscode/demo-workspace.mjs';

/** A made-up token: the fake accepts any, and the extension sends one only when it has one. */
export const DEMO_GITHUB_TOKEN = 'demo-token-not-a-secret';

/** Starts the stand-in GitHub; the caller closes it. */
export async function startDemoGitHub(plan = demoTaskFile()) {
  const pulls = demoPulls(plan).map((pull) => ({ ...pull, headSha: shaFor(pull.head) }));
  const fake = await FakeGitHub.start({ ...DEMO_REMOTE, pulls });
  for (const [index, pull] of pulls.entries()) {
    fake.state.checkRuns.set(pull.headSha, DEMO_PULLS[index].checks);
  }
  return fake;
}
