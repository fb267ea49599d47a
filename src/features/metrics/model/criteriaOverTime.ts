import type { DashboardCriteriaPeriod } from '../../../protocol/dashboardModel';
import type { ReviewTiming } from './reviewTimings';
import type { TaskMetrics } from './successCriteria';

const DAY_MS = 86_400_000;
/** Up to this many days of history are shown day by day; a longer one week by week. */
const DAYS_SHOWN = 14;
const WEEKS_SHOWN = 12;

/** The success criteria over one day or one week (UTC; weeks start on Monday), as the dashboard shows them. */
export type CriteriaPeriod = DashboardCriteriaPeriod;

export interface CriteriaOverTimeInput {
  tasks: readonly TaskMetrics[];
  reviews: readonly ReviewTiming[];
  /** Saved snapshots: capture time and the plan's completion then. */
  snapshots?: readonly { date: string; completionPercentage?: number }[];
  slaMs: number;
  now: Date;
}

/**
 * The seeds' criteria period by period, from the recorded status changes, reviews and snapshots:
 * the last 14 days day by day, or, when the work goes back further, the last 12 weeks. Oldest
 * first; empty until some work is recorded.
 */
export function criteriaOverTime(input: CriteriaOverTimeInput): CriteriaPeriod[] {
  const events = [
    ...input.tasks.flatMap((task) => [task.times.startedAt, task.times.completedAt]),
    ...input.reviews.map((review) => review.requestedAt),
  ].flatMap((at) => (at !== undefined && !Number.isNaN(Date.parse(at)) ? [Date.parse(at)] : []));
  if (events.length === 0) {
    return [];
  }
  const today = startOfDay(input.now.getTime());
  const first = startOfDay(Math.min(...events));
  const unit = today - first >= DAYS_SHOWN * DAY_MS ? 'week' : 'day';
  const length = unit === 'day' ? DAY_MS : 7 * DAY_MS;
  const lastStart = unit === 'day' ? today : startOfWeek(today);
  const count = Math.min(
    unit === 'day' ? DAYS_SHOWN : WEEKS_SHOWN,
    Math.floor((lastStart - (unit === 'day' ? first : startOfWeek(first))) / length) + 1,
  );
  const periods: CriteriaPeriod[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = lastStart - i * length;
    periods.push(period(input, unit, start, Math.min(start + length, today + DAY_MS)));
  }
  return periods;
}

function period(
  input: CriteriaOverTimeInput,
  unit: CriteriaPeriod['unit'],
  start: number,
  end: number,
): CriteriaPeriod {
  const inside = (at: string | number | undefined) => {
    const ms = typeof at === 'string' ? Date.parse(at) : at;
    return ms !== undefined && ms >= start && ms < end;
  };
  const completed = input.tasks.filter((task) => inside(task.times.completedAt));
  const snapshots = (input.snapshots ?? []).filter((snapshot) => inside(snapshot.date));
  const snapshotDays = new Set(snapshots.map((snapshot) => snapshot.date.slice(0, 10))).size;
  const latest = [...snapshots].sort((a, b) => Date.parse(a.date) - Date.parse(b.date)).at(-1);
  const result: CriteriaPeriod = {
    start: new Date(start).toISOString().slice(0, 10),
    unit,
    completed: completed.length,
    judged: completed.filter((task) => task.withinEstimate !== undefined).length,
    outsideEstimate: completed.filter((task) => task.withinEstimate === false).length,
    reviewsApproved: input.reviews.filter((review) => inside(review.approvedAt)).length,
    reviewsLate: input.reviews.filter(
      (review) =>
        review.withinSla === false && inside(Date.parse(review.requestedAt) + input.slaMs),
    ).length,
    snapshotDays,
    days: Math.round((end - start) / DAY_MS),
  };
  if (latest?.completionPercentage !== undefined) {
    result.completionPercentage = latest.completionPercentage;
  }
  return result;
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Monday 00:00 UTC of the week holding `ms`. */
function startOfWeek(ms: number): number {
  const day = startOfDay(ms);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY_MS;
}
