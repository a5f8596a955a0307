import { createContext, useContext } from 'react';

export type Lang = 'vi' | 'en';

const key = 'innoport.lang';

/** The language the user chose, remembered; Vietnamese until they choose. */
export function storedLang(): Lang {
  return localStorage.getItem(key) === 'en' ? 'en' : 'vi';
}

export function storeLang(lang: Lang) {
  localStorage.setItem(key, lang);
  document.documentElement.lang = lang;
}

export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: 'vi',
  setLang: () => {},
});

/** A translator: t('Vietnamese', 'English') picks the user's language. */
export type T = (vi: string, en: string) => string;

export function useLang() {
  return useContext(LangContext);
}

export function useT(): T {
  const { lang } = useContext(LangContext);
  return (vi, en) => (lang === 'en' ? en : vi);
}
