import type { DisplayStatus } from '../../../kernel/model/types';
import { STATUS_LABEL } from '../model/statusLabels';

/** How a status looks in VS Code: its label, a codicon id and a theme colour id. */
export interface StatusAppearance {
  label: string;
  icon: string;
  color: string;
}

const ICONS: Readonly<Record<DisplayStatus, Omit<StatusAppearance, 'label'>>> = {
  not_started: { icon: 'circle-large-outline', color: 'disabledForeground' },
  ready: { icon: 'play-circle', color: 'charts.blue' },
  in_progress: { icon: 'pulse', color: 'charts.yellow' },
  waiting: { icon: 'watch', color: 'charts.orange' },
  blocked: { icon: 'error', color: 'list.errorForeground' },
  completed: { icon: 'pass-filled', color: 'testing.iconPassed' },
};

export const STATUS_APPEARANCE: Readonly<Record<DisplayStatus, StatusAppearance>> =
  Object.fromEntries(
    Object.entries(ICONS).map(([status, look]) => [
      status,
      { label: STATUS_LABEL[status as DisplayStatus], ...look },
    ]),
  ) as Record<DisplayStatus, StatusAppearance>;
