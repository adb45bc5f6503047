/**
 * Every bundled locale against the English defaults, for each element's strings (the
 * uploader's `strings`, `<deeplake-file>`'s `fileStrings`): same keys, non-empty strings,
 * the same `{placeholders}` per string, the right writing direction, and `fill()` leaves
 * no placeholder behind.
 */
import { expect } from '@open-wc/testing';
import { en, fileEn, fill } from '../../src/i18n/strings.js';
import { locales, type LocaleModule, type LocaleTag } from '../../src/i18n/locales/index.js';

const RTL = new Set<string>(['ar', 'he']);
const EXPECTED_TAGS = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'zh-CN', 'ar', 'he', 'ru'];
/** Each set of strings a locale module exports, with its English defaults. */
const SETS = { strings: en, fileStrings: fileEn } as const satisfies { [K in keyof LocaleModule]?: object };
type StringSet = keyof typeof SETS;

/** The sorted, de-duplicated placeholder names in `template`. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

const english = (set: StringSet) => SETS[set] as unknown as Record<string, string>;
const keys = (set: StringSet) => Object.keys(SETS[set]);

/** A value for every placeholder any English string uses. */
const VALUES: Record<string, string | number> = Object.fromEntries(
  [...new Set((Object.keys(SETS) as StringSet[]).flatMap((set) => keys(set).flatMap((key) => placeholders(english(set)[key]!))))].map((name, i) => [name, i + 1]),
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

      for (const set of Object.keys(SETS) as StringSet[]) {
        const of = () => mod[set] as unknown as Record<string, string>;

        it(`has every key of en's ${set} as a non-empty string, and no others`, () => {
          for (const key of keys(set)) {
            const value = of()[key] as unknown;
            expect(value, key).to.be.a('string');
            expect((value as string).trim(), key).not.to.equal('');
          }
          expect(Object.keys(of()).sort()).to.deep.equal(keys(set).sort());
        });

        it(`keeps the placeholders of each English string in ${set}`, () => {
          for (const key of keys(set)) {
            expect(placeholders(of()[key]!), key).to.deep.equal(placeholders(english(set)[key]!));
          }
        });

        it(`is filled completely by fill() (${set})`, () => {
          for (const key of keys(set)) {
            const filled = fill(of()[key]!, VALUES);
            expect(filled, key).not.to.include('{');
            expect(filled, key).not.to.include('}');
          }
        });
      }
    });
  }
});
