/**
 * `deeplake-elements/react`: React components for the elements, and the JSX types of the
 * raw tags. Importing it registers both elements.
 *
 * The wrappers add `onDeeplakeSuccess` & co. (typed from the elements' event maps), set
 * every element property as a property (objects such as `client` too, in React 18 as in
 * 19) and forward refs to the element. They need React alone: an earlier version was made
 * with `@lit/react`, an optional peer that apps lacked (an untyped `createComponent` and a
 * bundler's MISSING_EXPORT); this is the same technique, in a few lines of our own.
 *
 * For raw tags (`<deeplake-uploader client={client} ondeeplake-success={…} />`), React 19
 * itself sets properties on custom elements and attaches `on<event-name>` listeners; the
 * `JSX.IntrinsicElements` declaration below types them.
 *
 * A separate entry, so the main bundle never pulls React in.
 */
// Default import: React ships CommonJS, whose namespace is its default export everywhere
// (Node ESM, bundlers, the test server's conversion).
import React from 'react';
import type { DeepLakeFile as FileElementType } from './file/file.js';
import { DeepLakeFile as FileElement } from './file/deeplake-file.js';
import type { DeepLakeFileProps, DeepLakeUploaderProps, CamelEventProps, FileEvents, LowerEventProps, UploaderEvents } from './framework-types.js';
import { DeepLakeUploader as UploaderElement } from './uploader/define.js';
import type { DeepLakeUploader as UploaderElementType } from './uploader/uploader.js';

export type { DeepLakeFileProps, DeepLakeUploaderProps } from './framework-types.js';

/** A wrapper's props: React's own for an HTML element, the element's properties, its events. */
type WrapperProps<El, Props, Events> = Omit<React.HTMLAttributes<El>, keyof Props | keyof Events> & Props & Events & React.RefAttributes<El>;

/** What a raw tag takes in React 19's JSX: as a wrapper, with `on<event-name>` listeners. */
type RawTagProps<El, Props, Events> = Omit<React.DetailedHTMLProps<React.HTMLAttributes<El>, El>, keyof Props> & Props & LowerEventProps<Events>;

export type DeepLakeUploaderComponentProps = WrapperProps<
  UploaderElementType,
  DeepLakeUploaderProps,
  CamelEventProps<UploaderEvents> & {
    /** The element's own `change` (its `values` changed), not React's synthetic onChange. */
    onChange?: (event: Event) => void;
  }
>;
export type DeepLakeFileComponentProps = WrapperProps<FileElementType, DeepLakeFileProps, CamelEventProps<FileEvents>>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'deeplake-uploader': RawTagProps<UploaderElementType, DeepLakeUploaderProps, UploaderEvents>;
      'deeplake-file': RawTagProps<FileElementType, DeepLakeFileProps, FileEvents>;
    }
  }
}

/** Props React must keep (its own, or ones it maps: `className` becomes `class`). */
const REACT_PROPS = new Set(['children', 'localName', 'ref', 'style', 'className']);

/** Listener objects per element and event, so a new handler each render swaps in place. */
const listeners = new WeakMap<Element, Map<string, { handleEvent: (event: Event) => void }>>();

function listen(node: Element, event: string, handler: ((event: Event) => void) | undefined): void {
  let byEvent = listeners.get(node);
  if (!byEvent) listeners.set(node, (byEvent = new Map<string, { handleEvent: (event: Event) => void }>()));
  const current = byEvent.get(event);
  if (handler && current) current.handleEvent = handler;
  else if (handler) {
    const listener = { handleEvent: handler };
    byEvent.set(event, listener);
    node.addEventListener(event, listener);
  } else if (current) {
    byEvent.delete(event);
    node.removeEventListener(event, current);
  }
}

// No layout effects on a server (React 18 warns about them there); nothing is set there anyway.
const useClientLayoutEffect = typeof document === 'undefined' ? React.useEffect : React.useLayoutEffect;

function wrap<Props>(tagName: string, elementClass: CustomElementConstructor, events: Record<string, string>, displayName: string) {
  const Component = React.forwardRef<HTMLElement, Record<string, unknown>>((props, ref) => {
    const node = React.useRef<HTMLElement | null>(null);
    const previous = React.useRef(new Map<string, unknown>());
    const reactProps: Record<string, unknown> = {};
    const elementProps: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
      if (REACT_PROPS.has(key)) reactProps[key === 'className' ? 'class' : key] = value;
      else if (key in events || key in elementClass.prototype) elementProps[key] = value;
      else reactProps[key] = value;
    }
    // Properties and listeners after React rendered the element, before the browser paints.
    useClientLayoutEffect(() => {
      const el = node.current;
      if (!el) return;
      const next = new Map<string, unknown>();
      for (const [key, value] of Object.entries(elementProps)) {
        if (value !== previous.current.get(key) || !previous.current.has(key)) set(el, key, value, events);
        previous.current.delete(key);
        next.set(key, value);
      }
      // Props dropped since the last render go back to undefined (listeners come off).
      for (const key of previous.current.keys()) set(el, key, undefined, events);
      previous.current = next;
    });
    const setRef = React.useCallback(
      (el: HTMLElement | null) => {
        node.current = el;
        if (typeof ref === 'function') ref(el);
        else if (ref) ref.current = el;
      },
      [ref],
    );
    // The element reflects attributes of its own (`dragover`, `name`): not React's to compare.
    return React.createElement(tagName, { ...reactProps, suppressHydrationWarning: true, ref: setRef });
  });
  Component.displayName = displayName;
  return Component as unknown as React.ForwardRefExoticComponent<Props>;
}

function set(el: HTMLElement, key: string, value: unknown, events: Record<string, string>): void {
  const event = events[key];
  if (event) return listen(el, event, value as ((event: Event) => void) | undefined);
  (el as unknown as Record<string, unknown>)[key] = value;
  // A cleared HTML attribute property (`id`, `title`) leaves no empty attribute behind.
  if (value == null && key in HTMLElement.prototype) el.removeAttribute(key);
}

/** `<deeplake-uploader>` (a form field: `name`, `required`, `value`/`values` as usual). */
export const DeepLakeUploader = wrap<DeepLakeUploaderComponentProps>(
  'deeplake-uploader',
  UploaderElement,
  {
    onDeeplakeAdd: 'deeplake-add',
    onDeeplakeReject: 'deeplake-reject',
    onDeeplakeProgress: 'deeplake-progress',
    onDeeplakeSuccess: 'deeplake-success',
    onDeeplakeError: 'deeplake-error',
    onDeeplakeComplete: 'deeplake-complete',
    onDeeplakeNetwork: 'deeplake-network',
    onChange: 'change',
  } satisfies Record<keyof CamelEventProps<UploaderEvents> | 'onChange', string>,
  'DeepLakeUploader',
);

/** `<deeplake-file>`: one stored file by its UUID (`fileId`). */
export const DeepLakeFile = wrap<DeepLakeFileComponentProps>(
  'deeplake-file',
  FileElement,
  {
    onDeeplakeLoad: 'deeplake-load',
    onDeeplakeError: 'deeplake-error',
  } satisfies Record<keyof CamelEventProps<FileEvents>, string>,
  'DeepLakeFile',
);
