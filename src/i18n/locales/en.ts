/** English: the defaults from `../strings.ts`, in the same shape as every other locale module. */
export { en, en as strings, fileEn as fileStrings } from '../strings.js';
export const lang = 'en';
export const dir = 'ltr';
