import { mergeTrees, NAMESPACES } from './catalogues.js';

export const LANGS = ['en', 'bn'] as const;
export type Lang = (typeof LANGS)[number];

/** The whole catalogue of each language: every module's namespace merged. */
export const catalogues: Record<Lang, Record<string, unknown>> = {
  en: mergeTrees(Object.fromEntries(Object.entries(NAMESPACES).map(([ns, c]) => [ns, c.en]))),
  bn: mergeTrees(Object.fromEntries(Object.entries(NAMESPACES).map(([ns, c]) => [ns, c.bn]))),
};

/**
 * A stored name in the reader's language: the local form (Bangla in Bangladesh) for a reader
 * who does not read English, when one exists; English otherwise.
 */
export function localName(lang: Lang, en: string, local: string | null | undefined): string {
  return lang !== 'en' && local ? local : en;
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'bn';
}

function lookup(tree: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in node) node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Renders a message id with `{{name}}` parameters (the i18next syntax, so the web app and
 * the server share one catalogue). Falls back to English, then to the id itself.
 */
export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const template = lookup(catalogues[lang], key) ?? lookup(catalogues.en, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return '';
    return typeof value === 'number' ? formatNumber(lang, value) : String(value);
  });
}

const BN_DIGITS = ['০', '১', '২', '৩', '৪', '৫', '৬', '৭', '৮', '৯'];

/** Replaces ASCII digits with Bangla digits in already formatted text. */
export function toBanglaDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => BN_DIGITS[Number(d)] ?? d);
}

/** Replaces Bangla digits with ASCII ones: what a Bangla keyboard types into a number or a phone field. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[০-৯]/g, (d) => String(BN_DIGITS.indexOf(d)));
}

export function formatNumber(lang: Lang, value: number): string {
  const text = new Intl.NumberFormat(lang === 'bn' ? 'en-IN' : 'en-US').format(value);
  return lang === 'bn' ? toBanglaDigits(text) : text;
}

const BN_MONTHS = ['জানুয়ারি', 'ফেব্রুয়ারি', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেম্বর', 'অক্টোবর', 'নভেম্বর', 'ডিসেম্বর'];

/**
 * Formats a date in the deployment's time zone. Bangla uses Bangla month names and digits
 * explicitly rather than trusting the runtime's ICU data, which varies between browsers.
 */
export function formatDate(lang: Lang, value: Date | string, timeZone = 'Asia/Dhaka', withTime = false): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const month = Number(get('month'));
  const time = withTime ? ` ${get('hour')}:${get('minute')}` : '';
  if (lang === 'bn') {
    return toBanglaDigits(`${Number(get('day'))} ${BN_MONTHS[month - 1] ?? ''} ${get('year')}${time}`);
  }
  const enMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone }).format(date);
  return `${Number(get('day'))} ${enMonth} ${get('year')}${time}`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar month ("2026-08") as "Aug 2026" or "আগস্ট ২০২৬"; `month` alone (1-12) gives the name only. */
export function formatMonth(lang: Lang, yearMonth: string | number): string {
  const [year, month] = typeof yearMonth === 'number' ? [null, yearMonth] : [yearMonth.slice(0, 4), Number(yearMonth.slice(5, 7))];
  const name = (lang === 'bn' ? BN_MONTHS : EN_MONTHS)[month - 1] ?? '';
  if (year === null) return name;
  return lang === 'bn' ? `${name} ${toBanglaDigits(year)}` : `${name} ${year}`;
}
