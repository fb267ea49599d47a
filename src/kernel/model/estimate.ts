import type { Estimate } from './types';

const UNIT_HOURS: Record<string, number> = {
  '': 1,
  h: 1,
  hr: 1,
  hrs: 1,
  hour: 1,
  hours: 1,
  m: 1 / 60,
  min: 1 / 60,
  mins: 1 / 60,
  minute: 1 / 60,
  minutes: 1 / 60,
  d: 8,
  day: 8,
  days: 8,
};

const ESTIMATE_PATTERN =
  /^~?\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*(?:(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*([a-z]*))?$/;

/**
 * Reads an estimate written as hours (`2.5`), a duration (`30min`, `2h`) or a range (`2-3h`, `1-2h`).
 * A range's unit may be written once, after the high end. Returns undefined when it cannot be read.
 */
export function parseEstimate(value: unknown): Estimate | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0
      ? { hours: value, low: value, high: value, text: String(value) }
      : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = ESTIMATE_PATTERN.exec(value.trim().toLowerCase());
  if (!match) {
    return undefined;
  }
  const [, lowText, lowUnitText, highText, highUnitText] = match;
  const highUnit = UNIT_HOURS[highUnitText ?? ''];
  const lowUnit = UNIT_HOURS[lowUnitText || highUnitText || ''];
  if (lowUnit === undefined || highUnit === undefined) {
    return undefined;
  }
  const low = round(Number(lowText) * lowUnit);
  const high = highText === undefined ? low : round(Number(highText) * highUnit);
  if (high < low) {
    return undefined;
  }
  return { hours: round((low + high) / 2), low, high, text: value };
}

function round(hours: number): number {
  return Math.round(hours * 1000) / 1000;
}
