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
  /^~?\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*(?:(?:-|\u2013|to)\s*(\d+(?:\.\d+)?)\s*([a-z]*))?$/;

/** Hours a T-shirt size stands for: a working day is 8 hours, and each size doubles the last. */
export const SIZE_HOURS: Readonly<Record<string, number>> = {
  xs: 1,
  s: 2,
  m: 4,
  l: 8,
  xl: 16,
  xxl: 32,
};

/** Fields of an estimate object that hold the figure itself, first found wins. */
const OBJECT_FIGURE_FIELDS = ['hours', 'estimated_hours', 'size', 'value', 'estimate'];

/**
 * Reads an estimate written as hours (`2.5`), a duration (`30min`, `2h`), a range (`2-3h`, `1-2h`),
 * a T-shirt size (`S`, `M`, `XL`), or an object holding one of these with a kind
 * (`{"type": "architectural", "size": "M"}`). A range's unit may be written once, after the high
 * end. Returns undefined when it cannot be read.
 */
export function parseEstimate(value: unknown): Estimate | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return parseEstimateObject(value as Record<string, unknown>);
  }
  if (typeof value === 'string') {
    const hours = SIZE_HOURS[value.trim().toLowerCase()];
    if (hours !== undefined) {
      return { hours, low: hours, high: hours, text: value };
    }
  }
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

function parseEstimateObject(value: Record<string, unknown>): Estimate | undefined {
  const field = OBJECT_FIGURE_FIELDS.find((name) => value[name] !== undefined);
  const figure = field === undefined ? undefined : value[field];
  if (typeof figure === 'object') {
    return undefined;
  }
  const estimate = parseEstimate(figure);
  if (!estimate) {
    return undefined;
  }
  const kind = typeof value.type === 'string' && value.type !== '' ? ` (${value.type})` : '';
  return { ...estimate, text: `${estimate.text}${kind}` };
}
