import type { Lang } from './i18n';

const zone = 'Asia/Ho_Chi_Minh';
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'vi-VN');

/** A date and time as Hai Phong reads it, whatever the browser's zone. */
export function dateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: zone, dateStyle: 'medium', timeStyle: 'short',
  }).format(new Date(iso));
}

export function date(lang: Lang, iso: string): string {
  // A Date scalar (2026-12-01) is a calendar day: format it at noon UTC so no zone moves it.
  const d = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(locale(lang), { timeZone: zone, dateStyle: 'medium' }).format(d);
}

export function time(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: zone, timeStyle: 'short' }).format(new Date(iso));
}

/** An amount in đồng (the API sends VND as a decimal string; BigInt keeps it exact). */
export function vnd(lang: Lang, amount: string): string {
  return `${new Intl.NumberFormat(locale(lang)).format(BigInt(amount))} ₫`;
}

export function percent(lang: Lang, x: number, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: digits }).format(x);
}

/** The datetime-local input's value for an instant, in Hai Phong's time (UTC+7, no DST). */
export function toLocalInput(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return d.toISOString().slice(0, 16);
}

/** The instant a datetime-local value in Hai Phong's time names. */
export function fromLocalInput(value: string): string {
  return new Date(`${value}:00+07:00`).toISOString();
}

/** Today's calendar day in Hai Phong, YYYY-MM-DD. */
export function today(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Working days from one calendar day to another (YYYY-MM-DD): Monday to
 * Friday, without the holidays given; negative when `to` has passed — the
 * service-level clock of a sandbox application.
 */
export function workingDaysBetween(from: string, to: string, holidays: readonly string[]): number {
  const off = new Set(holidays);
  const step = from <= to ? 1 : -1;
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) !== to; ) {
    d = new Date(d.getTime() + step * 86400_000);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6 && !off.has(d.toISOString().slice(0, 10))) n += step;
  }
  return n;
}

/** A score with two decimals, in the language's notation (3,75 in Vietnamese). */
export function decimal(lang: Lang, x: number): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
}
