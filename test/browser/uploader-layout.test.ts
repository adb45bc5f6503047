/**
 * `<deeplake-uploader>` in a page's narrow grid or flex layout (a form's field, a phone):
 * a long file name is cut with an ellipsis inside its row; it never widens the element
 * past its column, which would push the page sideways.
 */
import { expect, html } from '@open-wc/testing';
import { fileOf, mountTemplate, rowNamed, settled, type DeepLakeUploader } from './uploader-helpers.js';

const LONG = 'holiday-photos-2026-with-a-very-long-name-that-does-not-fit-anywhere.zip';

describe('<deeplake-uploader> layout', () => {
  for (const display of ['grid', 'flex']) {
    it(`stays as wide as its ${display} column with a long file name in it`, async () => {
      const wrap = await mountTemplate<HTMLElement>(
        html`<div style="display: ${display}; flex-direction: column; inline-size: 320px">
          <deeplake-uploader multiple manual aria-label="Files"></deeplake-uploader>
        </div>`,
      );
      const el = wrap.querySelector<DeepLakeUploader>('deeplake-uploader')!;
      el.addFiles([fileOf(10, LONG)]);
      await settled(el);
      expect(el.getBoundingClientRect().width).to.equal(320);
      const row = rowNamed(el, LONG);
      expect(row.getBoundingClientRect().right).to.be.at.most(wrap.getBoundingClientRect().right);
      const name = row.querySelector<HTMLElement>('[part=name]')!;
      expect(name.scrollWidth, 'the name is cut, not the row widened').to.be.greaterThan(name.clientWidth);
    });
  }
});
