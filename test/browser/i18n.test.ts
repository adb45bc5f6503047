/**
 * Every bundled locale against the English defaults: same keys, non-empty strings, the
 * same `{placeholders}` per string, the right writing direction, and `fill()` leaves no
 * placeholder behind.
 */
import { expect } from '@open-wc/testing';
import { en, fill, type UploaderStrings } from '../../src/i18n/strings.js';
import { locales, type LocaleModule, type LocaleTag } from '../../src/i18n/locales/index.js';

const RTL = new Set<string>(['ar', 'he']);
const EXPECTED_TAGS = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'zh-CN', 'ar', 'he', 'ru'];
const KEYS = Object.keys(en) as Array<keyof UploaderStrings>;

/** The sorted, de-duplicated placeholder names in `template`. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** A value for every placeholder any English string uses. */
const VALUES: Record<string, string | number> = Object.fromEntries(
  [...new Set(KEYS.flatMap((key) => placeholders(en[key])))].map((name, i) => [name, i + 1]),
);

describe('i18n locales', () => {
  it('offers every expected locale', () => {
    expect(Object.keys(locales).sort()).to.deep.equal([...EXPECTED_TAGS].sort());
  });

  for (const tag of Object.keys(locales) as LocaleTag[]) {
    describe(tag, () => {
      let mod: LocaleModule;

      before(async () => {
        mod = await locales[tag]();
      });

      it('declares its tag and direction', () => {
        expect(mod.lang).to.equal(tag);
        expect(mod.dir).to.equal(RTL.has(tag) ? 'rtl' : 'ltr');
      });

      it('has every key of en as a non-empty string, and no others', () => {
        for (const key of KEYS) {
          const value = (mod.strings as unknown as Record<string, unknown>)[key];
          expect(value, key).to.be.a('string');
          expect((value as string).trim(), key).not.to.equal('');
        }
        expect(Object.keys(mod.strings).sort()).to.deep.equal([...KEYS].sort());
      });

      it('keeps the placeholders of each English string', () => {
        for (const key of KEYS) {
          expect(placeholders(mod.strings[key]), key).to.deep.equal(placeholders(en[key]));
        }
      });

      it('is filled completely by fill()', () => {
        for (const key of KEYS) {
          const filled = fill(mod.strings[key], VALUES);
          expect(filled, key).not.to.include('{');
          expect(filled, key).not.to.include('}');
        }
      });
    });
  }
});
