import type { DashboardGitHubFreshness, DashboardViewModel } from '../../protocol/dashboardModel';
import { el, icon, replaceChildren } from '../dom';
import { formatAge } from '../labels';

export class HeaderView {
  readonly element = el('header', { className: 'dashboard-header' });
  private model: DashboardViewModel | undefined;

  constructor(private readonly signIn: () => void) {}

  private renderedAge: string | undefined;

  /** Re-renders when the GitHub data's age reads differently, and only then (keeping focus). */
  refresh(now = Date.now()): void {
    const fetchedAt = this.model?.github?.fetchedAt;
    if (this.model && fetchedAt && formatAge(fetchedAt, now) !== this.renderedAge) {
      this.render(this.model, now);
    }
  }

  render(model: DashboardViewModel, now = Date.now()): void {
    this.model = model;
    this.renderedAge = model.github?.fetchedAt && formatAge(model.github.fetchedAt, now);
    const problems =
      model.broken &&
      el('p', { className: 'banner warning', attrs: { role: 'status' } }, [
        icon('warning'),
        ` The task file does not parse (${model.problems} error${model.problems === 1 ? '' : 's'}); showing the last good state.`,
      ]);
    replaceChildren(this.element, [
      el('h1', { text: `Agent Coordinator — ${model.folderName}` }),
      el('p', { className: 'muted' }, [
        model.taskFile
          ? el('span', { className: 'task-file', text: model.taskFile })
          : 'No task file found',
        model.lastUpdated ? ` · last updated ${model.lastUpdated}` : '',
      ]),
      problems,
      gitHubLine(model.github, now, this.signIn),
    ]);
  }
}

/** Pull requests and CI come from GitHub: say how old that is, or why there is none. */
function gitHubLine(
  github: DashboardGitHubFreshness | undefined,
  now: number,
  signIn: () => void,
): HTMLElement | undefined {
  if (!github) {
    return undefined;
  }
  if (github.fetchedAt === undefined) {
    const button = github.signInNeeded
      ? el('vscode-button', {
          text: 'Sign in to GitHub',
          attrs: { secondary: true, icon: 'github' },
        })
      : undefined;
    button?.addEventListener('click', signIn);
    return el('p', { className: 'muted github-freshness', attrs: { role: 'status' } }, [
      icon('github'),
      ` No pull request or CI data${github.problem ? `: ${github.problem}` : ''} `,
      button,
    ]);
  }
  const age = formatAge(github.fetchedAt, now);
  if (github.problem) {
    return el('p', { className: 'banner warning github-freshness', attrs: { role: 'status' } }, [
      icon('warning'),
      ` Pull requests and CI as GitHub last answered, ${age}: ${github.problem}`,
    ]);
  }
  return el('p', { className: 'muted github-freshness', attrs: { title: github.fetchedAt } }, [
    icon('github'),
    ` Pull requests and CI from GitHub, ${age}`,
  ]);
}
