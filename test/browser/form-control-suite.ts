/**
 * The form behaviour a control shares with native ones, as one reusable suite (after
 * shoelace's form-control-base-tests). Run it for a custom control and for the native
 * element it stands in for, in the same file, so a difference shows as a difference.
 * Results are compared as strings and booleans: DOM nodes in a failing assertion would
 * be serialized by the test runner, which a shadow root's cycles can bring down.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';

/** What the suite uses of a control: the native constraint-validation API. */
export interface FormControlLike extends HTMLElement {
  required: boolean;
  readonly form: HTMLFormElement | null;
  readonly labels: NodeList | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  setCustomValidity(message: string): void;
}

export interface FormControlSetup<T extends FormControlLike> {
  /** A new control, not yet in the document, with these attributes (`true` = present). */
  create(attrs: Record<string, string | true>): T | Promise<T>;
  /** Gives it a value; resolves with its FormData entries as `entryText` writes them. */
  fill(el: T): Promise<string[]>;
  /** The entries of an empty control under its name. */
  emptyEntries: string[];
  /** Waits until value and validity show the last change (a Lit element renders later). */
  settle(el: T): Promise<void>;
  /** Whether the control has focus (or, with delegatesFocus, the part it delegates to). */
  hasFocus(el: T): boolean;
  /**
   * Native behaviour the control does not have yet, with why: its test is listed as
   * skipped (run for the native element) instead of failing the run.
   */
  deviations?: Partial<Record<'syncValidity', string>>;
}

/** A FormData entry as text: a string as it is, a file as `file:<name>`. */
export const entryText = (value: FormDataEntryValue): string => (typeof value === 'string' ? value : `file:${value.name}`);

const NAME = 'field';
let count = 0;

interface Layout {
  label?: 'for' | 'wrap';
  fieldset?: boolean;
}

interface Placed<T> {
  el: T;
  form: HTMLFormElement;
  label: HTMLLabelElement | null;
  fieldset: HTMLFieldSetElement | null;
  /** Submit events that were not stopped before the suite's own listener saw them. */
  submits: SubmitEvent[];
  entries(): string[];
}

/** `<form>[<fieldset>][<label>]control</label></fieldset><button></form>`, mounted. */
function place<T extends FormControlLike>(el: T, layout: Layout): Placed<T> {
  const form = document.createElement('form');
  let parent: HTMLElement = form;
  let fieldset: HTMLFieldSetElement | null = null;
  if (layout.fieldset) parent = fieldset = form.appendChild(document.createElement('fieldset'));
  let label: HTMLLabelElement | null = null;
  if (layout.label) {
    label = parent.appendChild(document.createElement('label'));
    label.textContent = 'Files ';
    if (layout.label === 'for') label.htmlFor = el.id = `form-control-${++count}`;
    else parent = label;
  }
  parent.appendChild(el);
  form.appendChild(document.createElement('button')).textContent = 'Send';
  const submits: SubmitEvent[] = [];
  form.addEventListener('submit', (event) => {
    if (!event.defaultPrevented) submits.push(event);
    event.preventDefault(); // never navigate the test page
  });
  fixtureSync(html`${form}`);
  const entries = () => new FormData(form).getAll(NAME).map(entryText);
  return { el, form, label, fieldset, submits, entries };
}

export function runFormControlTests<T extends FormControlLike>(name: string, setup: FormControlSetup<T>): void {
  const make = async (layout: Layout = {}, attrs: Record<string, string | true> = {}) => {
    const placed = place(await setup.create({ name: NAME, multiple: true, ...attrs }), layout);
    await setup.settle(placed.el);
    return placed;
  };

  describe(`${name}: shared form-control behaviour`, () => {
    it('puts its value into the form data under its name', async () => {
      const { el, entries } = await make();
      expect(entries(), 'empty').to.deep.equal(setup.emptyEntries);
      const expected = await setup.fill(el);
      await setup.settle(el);
      expect(expected.length).to.be.greaterThan(0);
      expect(entries()).to.deep.equal(expected);
    });

    it('is one of form.elements by its name, and its `form` is the form', async () => {
      const { el, form } = await make();
      expect([form.elements.namedItem(NAME) === el, el.form === form]).to.deep.equal([true, true]);
    });

    it('required: valueMissing while empty, the form does not submit; with a value it does', async () => {
      const { el, form, submits } = await make({}, { required: true });
      expect([el.validity.valueMissing, el.validity.valid, el.validationMessage !== '', form.checkValidity()]).to.deep.equal([true, false, true, false]);
      form.requestSubmit();
      expect(submits.length, 'no submit event while invalid').to.equal(0);
      await setup.fill(el);
      await setup.settle(el);
      expect([el.validity.valueMissing, el.validity.valid, el.validationMessage, form.checkValidity()]).to.deep.equal([false, true, '', true]);
      form.requestSubmit();
      expect(submits.length).to.equal(1);
    });

    it('checkValidity() and reportValidity() fire a cancelable `invalid` while invalid, none once valid', async () => {
      const { el } = await make({}, { required: true });
      const invalid: boolean[] = [];
      el.addEventListener('invalid', (event) => invalid.push(event.cancelable));
      expect([el.checkValidity(), el.reportValidity(), invalid]).to.deep.equal([false, false, [true, true]]);
      await setup.fill(el);
      await setup.settle(el);
      expect([el.checkValidity(), el.reportValidity(), invalid.length]).to.deep.equal([true, true, 2]);
    });

    it('willValidate: true in a form; false in a disabled <fieldset>, where `required` no longer blocks', async () => {
      const { el, form, fieldset, submits } = await make({ fieldset: true }, { required: true });
      expect([el.willValidate, form.checkValidity()]).to.deep.equal([true, false]);
      fieldset!.disabled = true;
      await setup.settle(el);
      expect([el.willValidate, form.checkValidity()]).to.deep.equal([false, true]);
      form.requestSubmit();
      expect(submits.length).to.equal(1);
    });

    it('in a disabled <fieldset>: matches :disabled and sends nothing; enabled again, sends its value', async () => {
      const { el, fieldset, entries } = await make({ fieldset: true });
      const expected = await setup.fill(el);
      fieldset!.disabled = true;
      await setup.settle(el);
      expect([el.matches(':disabled'), entries().length]).to.deep.equal([true, 0]);
      fieldset!.disabled = false;
      await setup.settle(el);
      expect([el.matches(':disabled'), entries()]).to.deep.equal([false, expected]);
    });

    it('setCustomValidity(): customError with that message blocks submission; "" clears it', async () => {
      const { el, form, submits } = await make();
      el.setCustomValidity('Not this one');
      await setup.settle(el);
      expect([el.validity.customError, el.validationMessage, el.checkValidity()]).to.deep.equal([true, 'Not this one', false]);
      form.requestSubmit();
      expect(submits.length).to.equal(0);
      el.setCustomValidity('');
      await setup.settle(el);
      expect([el.validity.customError, el.validationMessage, el.checkValidity()]).to.deep.equal([false, '', true]);
      form.requestSubmit();
      expect(submits.length).to.equal(1);
    });

    it('form.reset() empties it without a `change` or `input` event', async () => {
      const { el, form, entries } = await make();
      await setup.fill(el);
      await setup.settle(el);
      const events: string[] = [];
      for (const type of ['change', 'input']) el.addEventListener(type, () => events.push(type));
      form.reset();
      await setup.settle(el);
      expect([entries(), events]).to.deep.equal([setup.emptyEntries, []]);
    });

    for (const how of ['for', 'wrap'] as const) {
      it(`${how === 'for' ? '<label for>' : 'a wrapping <label>'}: in \`labels\`; clicking the label focuses the control`, async () => {
        const { el, label } = await make({ label: how });
        (document.activeElement as HTMLElement | null)?.blur();
        expect([el.labels?.length, el.labels?.[0] === label, setup.hasFocus(el)]).to.deep.equal([1, true, false]);
        label!.click();
        expect(setup.hasFocus(el), 'focused after the click').to.equal(true);
      });
    }

    const lag = setup.deviations?.syncValidity;
    (lag ? it.skip : it)(`validity and form data change at once, as native ones do${lag ? ` (not yet: ${lag})` : ''}`, async () => {
      const { el, form, entries } = await make();
      el.setCustomValidity('Not this one');
      expect([el.validity.customError, el.reportValidity()]).to.deep.equal([true, false]);
      el.setCustomValidity('');
      el.required = true;
      expect([el.validity.customError, el.validity.valueMissing]).to.deep.equal([false, true]);
      el.required = false;
      expect(el.checkValidity()).to.equal(true);
      await setup.fill(el);
      await setup.settle(el);
      form.reset();
      expect(entries()).to.deep.equal(setup.emptyEntries);
    });
  });
}
