import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, formatDate, formatMonth, formatNumber, isLang, type Lang } from '../shared/i18n/index.js';

/**
 * The device's language: what someone chose on this device before signing in, else the
 * browser's first preference we have. A signed-in user's own language applies to their
 * session only, so the next person at a shared office computer gets the device's again.
 */
export function deviceLang(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('ncpp.lang') : null;
  if (isLang(saved)) return saved;
  const preferred = (navigator.languages?.length ? navigator.languages : [navigator.language]).find((l) => /^(bn|en)\b/i.test(l ?? ''));
  return preferred?.toLowerCase().startsWith('bn') ? 'bn' : 'en';
}
const initial: Lang = deviceLang();

void i18next.use(initReactI18next).init({
  lng: initial,
  fallbackLng: 'en',
  resources: { en: { translation: catalogues.en }, bn: { translation: catalogues.bn } },
  // React escapes; numbers are passed pre-formatted (num()) so Bangla gets Bangla digits.
  interpolation: { escapeValue: false },
});
document.documentElement.lang = initial;

export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : 'en';
}

/** Shows the app in `lang`; `remember` makes it the device's language (a choice made signed out). */
export async function setLang(lang: Lang, { remember }: { remember: boolean }) {
  if (remember) localStorage.setItem('ncpp.lang', lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export const num = (n: number) => formatNumber(currentLang(), n);
export const date = (d: string | Date, withTime = false) => formatDate(currentLang(), d, 'Asia/Dhaka', withTime);
export const month = (m: string | number) => formatMonth(currentLang(), m);
export default i18next;
