// Lit's html`` and css`` literals keep their whitespace through a JS minifier; this
// minifies them at build time (the CDN bundles and the size check), failing the build
// on a template it cannot parse rather than shipping it unminified.
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';

/** `include`: the sources whose literals to minify (default src/; the bench passes its patched copy too). */
export const minifyLiterals = (include = ['src/**/*.ts']) => ({ ...minifyTemplateLiterals({ include, failOnError: true }), enforce: 'post' });
