/**
 * A mixin that makes a Lit element a real form control through ElementInternals (no
 * hidden inputs, no patched form): value, validity, reset, restore and disabled state,
 * with the same properties and methods as native controls. The element supplies what it
 * holds by implementing the two hooks (getFormState, getFormAnchor); after every render the mixin writes the form
 * value (one FormData entry per value under `name`) and the validity.
 */
import type { LitElement, PropertyDeclaration } from 'lit';

/** What the field holds right now. */
export interface FieldState {
  values: readonly string[];
  /** Whether `required` is met (a value, or files that will be sent on submit). */
  hasValue: boolean;
  /** Work that would make a submission now send a half-done value (e.g. running uploads). */
  pendingMessage: string;
  /** Anything else that must block submission (e.g. failed uploads still listed). */
  errorMessage: string;
  /** Shown for `required` with no value. */
  requiredMessage: string;
}

/** One entry per value under `name`; null (no entry, like an empty field) otherwise. */
export function formValue(name: string, values: readonly string[]): FormData | null {
  if (!name || values.length === 0) return null;
  const data = new FormData();
  for (const value of values) data.append(name, value);
  return data;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

/** Hooks the element implements (the mixin has no defaults), keyed by symbols so they add no public names. */
export const getFormState = Symbol('getFormState');
export const getFormAnchor = Symbol('getFormAnchor');
/** Writes value and validity now (for state that changes outside a render). */
export const syncForm = Symbol('syncForm');

export interface FormControl {
  name: string;
  required: boolean;
  readonly form: HTMLFormElement | null;
  readonly labels: NodeList;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  setCustomValidity(message: string): void;
  [getFormState](): FieldState;
  [getFormAnchor](): HTMLElement | undefined;
  [syncForm](): void;
  formDisabledCallback(disabled: boolean): void;
}

/** The hooks as the mixin calls them: the element that uses it supplies both. */
type Hooks = Pick<FormControl, typeof getFormState | typeof getFormAnchor>;

export function FormAssociated<T extends Constructor<LitElement>>(Base: T) {
  class FormAssociatedElement extends Base implements Omit<FormControl, keyof Hooks> {
    static formAssociated = true;
    declare name: string;
    declare required: boolean;
    readonly #internals: ElementInternals = this.attachInternals();
    #customMessage = '';

    /** The `<form>` it belongs to (ancestor, or `form="id"`), or null. */
    get form(): HTMLFormElement | null {
      return this.#internals.form;
    }
    /** The `<label>`s that name it. */
    get labels(): NodeList {
      return this.#internals.labels;
    }
    /** As on native controls: `valueMissing` with `required`, `customError` while uploads are unfinished. */
    get validity(): ValidityState {
      return this.#internals.validity;
    }
    /** The message the browser shows for the current validity. */
    get validationMessage(): string {
      return this.#internals.validationMessage;
    }
    /** False when disabled (then it is also left out of the form data). */
    get willValidate(): boolean {
      return this.#internals.willValidate;
    }
    /** Valid? If not, fires `invalid` (as native controls). */
    checkValidity(): boolean {
      return this.#internals.checkValidity();
    }
    /** `checkValidity()`, and the browser shows the message on the field. */
    reportValidity(): boolean {
      return this.#internals.reportValidity();
    }
    /** As on native controls: a page's own error, shown when the field has none of its own. */
    setCustomValidity(message: string): void {
      this.#customMessage = String(message ?? '');
      this[syncForm]();
    }

    /**
     * Native controls answer at once: `el.required = false; el.checkValidity()` must see
     * the change, so the properties the form reads sync now, not after the next render.
     * (Before the first render the element's own state may not exist yet.)
     */
    override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
      super.requestUpdate(name, oldValue, options);
      if (this.hasUpdated && (name === 'required' || name === 'name')) this[syncForm]();
    }

    override updated(changed: Map<PropertyKey, unknown>): void {
      super.updated(changed);
      this[syncForm]();
    }

    /** What was last written: called on every change of a long upload batch, it writes only what changed. */
    #written: unknown[] = [];

    [syncForm](): void {
      const state = (this as unknown as Hooks)[getFormState]();
      // :disabled covers the element's own attribute and a disabled <fieldset> alike.
      const disabled = this.matches(':disabled');
      const anchor = (this as unknown as Hooks)[getFormAnchor]();
      const message = state.pendingMessage || state.errorMessage || this.#customMessage;
      const missing = this.required && !state.hasValue;
      // `values` is compared as an array: the element hands back the same one while they stay the same.
      const next = [disabled, this.name, state.values, anchor, message, missing, state.requiredMessage];
      // An indexed loop, not slices and a closure: this runs on every change of a batch.
      let value = false;
      let validity = false;
      for (let i = 0; i < next.length; i++) {
        if (next[i] === this.#written[i]) continue;
        if (i < 3) value = true;
        else validity = true;
      }
      // The restore state is the values themselves: back/forward hands them back.
      if (value) this.#internals.setFormValue(disabled ? null : formValue(this.name, state.values), state.values.join(' '));
      if (validity) {
        if (message) this.#internals.setValidity({ customError: true }, message, anchor);
        else if (missing) this.#internals.setValidity({ valueMissing: true }, state.requiredMessage, anchor);
        else this.#internals.setValidity({});
      }
      this.#written = next;
    }

    formDisabledCallback(): void {
      this.requestUpdate();
    }
  }
  // The element supplies the hooks (Hooks): typed here as the control it then is.
  return FormAssociatedElement as unknown as Constructor<FormControl> & T;
}
