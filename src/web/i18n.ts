import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, formatDate, formatNumber, isLang, type Lang } from '../shared/i18n/index.js';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('ncpp.lang') : null;
const initial: Lang = isLang(saved) ? saved : navigator.language?.startsWith('bn') ? 'bn' : 'en';

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

export async function setLang(lang: Lang) {
  localStorage.setItem('ncpp.lang', lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export const num = (n: number) => formatNumber(currentLang(), n);
export const date = (d: string | Date, withTime = false) => formatDate(currentLang(), d, 'Asia/Dhaka', withTime);
export default i18next;
