import type { GateStanding } from './reviewStanding';
import { reviewerLabel, standingText } from './reviewStanding';

/** One line per required review, for `coord show` and other plain-text views. */
export function reviewLines(standing: readonly GateStanding[], pathsUnjudged?: string): string[] {
  const lines = standing.map((s) => {
    const mark = s.state === 'approved' ? 'ok' : 'needed';
    const checklist =
      s.gate.checklist.length > 0 ? `, ${s.gate.checklist.length}-item checklist` : '';
    return `${mark}: ${reviewerLabel(s.gate)}: ${standingText(s)} (${s.gate.because}${checklist})`;
  });
  if (pathsUnjudged) {
    lines.push(`review rules not judged: ${pathsUnjudged}`);
  }
  return lines;
}
