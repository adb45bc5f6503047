// Prettier, set to the code as it was written: single quotes and long lines. Of printWidth
// 120 to 200, 165 changed the fewest lines; no other option changed fewer than the defaults.
/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  printWidth: 165,
};
