/**
 * Lazy loaders for the bundled locales, keyed by BCP 47 tag, so a page pulls in only the
 * language it uses: `const { strings, dir } = await locales.de();`.
 */
import type { FileStrings, UploaderStrings } from '../strings.js';

/** What every module in this folder exports. */
export interface LocaleModule {
  /** The BCP 47 tag, the same as the key in `locales`. */
  lang: string;
  /** Writing direction of the language. */
  dir: 'ltr' | 'rtl';
  strings: UploaderStrings;
  /** The strings of `<deeplake-file>`. */
  fileStrings: FileStrings;
}

export type LocaleLoader = () => Promise<LocaleModule>;

export const locales = {
  en: () => import('./en.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ja: () => import('./ja.js'),
  'zh-CN': () => import('./zh-CN.js'),
  ar: () => import('./ar.js'),
  he: () => import('./he.js'),
  ru: () => import('./ru.js'),
} satisfies Record<string, LocaleLoader>;

/** A tag with a bundled locale: 'en' | 'de' | … */
export type LocaleTag = keyof typeof locales;
