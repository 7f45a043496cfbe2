// Neo4j's scalar values as exact JSON: integers beyond 2^53 as their digits, durations in ISO 8601 (as Cypher's
// own toString writes them), temporal values and points as typed objects, ±Infinity and NaN spelled out. JSON
// has one number type and no Infinity, so without this a big integer silently rounds and Infinity becomes null.
import {
  type Duration,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
  type Point,
} from 'neo4j-driver';

/** A temporal value: `value` is its ISO 8601 form, e.g. `2024-01-02T12:00:00+01:00[Europe/Paris]`. */
export interface TemporalJson {
  type: 'Date' | 'Time' | 'LocalTime' | 'DateTime' | 'LocalDateTime';
  value: string;
  [key: string]: string;
}

/** A point: coordinate reference system by SRID and name; `z` only in 3-D systems. */
export interface PointJson {
  type: 'Point';
  srid: number;
  crs: string;
  x: number;
  y: number;
  z?: number;
  [key: string]: string | number | undefined;
}

const CRS_BY_SRID: Readonly<Record<number, string>> = {
  7203: 'cartesian',
  9157: 'cartesian-3d',
  4326: 'wgs-84',
  4979: 'wgs-84-3d',
};

const NANOS_PER_SECOND = 1_000_000_000n;

function big(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (isInt(value)) return BigInt(value.toString());
  return BigInt(Math.trunc(Number(value)));
}

/**
 * An integer as a JSON number when it is exactly representable (|n| ≤ 2^53 − 1), otherwise as a string of its
 * decimal digits, e.g. `"9007199254740993"`.
 */
export function exactInteger(value: bigint | { toString(): string }): number | string {
  const n = typeof value === 'bigint' ? value : BigInt(value.toString());
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(n)
    : n.toString();
}

/** A float as a JSON number, or `"Infinity"`, `"-Infinity"` or `"NaN"`, which JSON cannot hold. */
export function exactFloat(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

/**
 * A duration in ISO 8601, as Cypher's `toString(duration)` writes it: months as years and months, days, then
 * hours, minutes and seconds with up to nine decimals; `PT0S` when zero. `duration('P3D')` → `"P3D"`,
 * `duration('PT-1.5S')` → `"PT-1.5S"`.
 */
export function isoDuration(duration: Duration): string {
  const months = big(duration.months);
  const days = big(duration.days);
  const nanos = big(duration.seconds) * NANOS_PER_SECOND + big(duration.nanoseconds);
  if (months === 0n && days === 0n && nanos === 0n) return 'PT0S';
  let text = 'P';
  const years = months / 12n;
  if (years !== 0n) text += `${years}Y`;
  if (months % 12n !== 0n) text += `${months % 12n}M`;
  if (days !== 0n) text += `${days}D`;
  if (nanos !== 0n) {
    const sign = nanos < 0n ? '-' : '';
    const abs = nanos < 0n ? -nanos : nanos;
    const hours = abs / (3600n * NANOS_PER_SECOND);
    const minutes = (abs / (60n * NANOS_PER_SECOND)) % 60n;
    const seconds = (abs / NANOS_PER_SECOND) % 60n;
    const fraction = (abs % NANOS_PER_SECOND).toString().padStart(9, '0').replace(/0+$/, '');
    text += 'T';
    if (hours !== 0n) text += `${sign}${hours}H`;
    if (minutes !== 0n) text += `${sign}${minutes}M`;
    if (seconds !== 0n || fraction) text += `${sign}${seconds}${fraction ? `.${fraction}` : ''}S`;
  }
  return text;
}

export function pointJson(point: Point): PointJson {
  const srid = Number(point.srid);
  const json: PointJson = {
    type: 'Point',
    srid,
    crs: CRS_BY_SRID[srid] ?? `srid-${srid}`,
    x: point.x,
    y: point.y,
  };
  if (point.z !== undefined) json.z = point.z;
  return json;
}

/** Temporal values as `{type, value}`, with the zone id of a zoned DateTime beside its ISO form. */
export function temporalJson(value: unknown): TemporalJson | null {
  if (isDateTime(value)) {
    const json: TemporalJson = { type: 'DateTime', value: value.toString() };
    if (value.timeZoneId) json.timeZoneId = value.timeZoneId;
    return json;
  }
  if (isLocalDateTime(value)) return { type: 'LocalDateTime', value: value.toString() };
  if (isDate(value)) return { type: 'Date', value: value.toString() };
  if (isTime(value)) return { type: 'Time', value: value.toString() };
  if (isLocalTime(value)) return { type: 'LocalTime', value: value.toString() };
  return null;
}

/** A Neo4j scalar as exact JSON, or undefined when `value` is not a scalar this module knows. */
export function exactScalar(
  value: unknown,
): string | number | boolean | null | TemporalJson | PointJson | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return exactFloat(value);
  if (typeof value === 'bigint' || isInt(value)) return exactInteger(value);
  if (isDuration(value)) return isoDuration(value);
  if (isPoint(value)) return pointJson(value);
  return temporalJson(value) ?? undefined;
}
