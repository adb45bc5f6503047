/**
 * The uploader's look over the shared theme (src/shared/theme.ts, which maps the public
 * `--deeplake-*` custom properties to private `--_*` ones); every node worth styling
 * also has a `part`. Logical properties only (RTL-safe), no inline style attributes.
 */
import { css } from 'lit';
import { themeStyles } from '../shared/theme.js';

export const uploaderStyles = [
  themeStyles,
  css`
    * {
      box-sizing: border-box;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    button:disabled {
      cursor: not-allowed;
    }
    .dropzone {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 0.25rem 0.4rem;
      padding-block: 1.5rem;
      padding-inline: 1rem;
      border: 2px dashed var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_muted);
      text-align: center;
      transition:
        border-color 0.15s,
        background-color 0.15s;
    }
    .dropzone > [part~='icon'] {
      flex-basis: 100%;
      block-size: 1.75rem;
    }
    ::slotted(*) {
      flex-basis: 100%;
    }
    /* While files hover, the zone says only what a drop will do. */
    :host([dragover]) .browse,
    :host([dragover]) slot {
      display: none;
    }
    :host([dragover]) .dropzone {
      border-color: var(--_accent);
      background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
      color: var(--_fg);
    }
    :host([disabled]) .dropzone {
      opacity: 0.6;
    }
    .browse {
      padding: 0;
      border: 0;
      background: none;
      color: var(--_accent);
      font-weight: 600;
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    /* A touch screen has nothing to drag files from: there the zone is one "Choose files" button. */
    @media (hover: none) and (pointer: coarse) {
      :host(:not([dragover])) [part~='hint'] {
        display: none;
      }
      .browse {
        padding-block: 0.5rem;
        padding-inline: 1rem;
        border-radius: calc(var(--_radius) - 2px);
        background: var(--_accent);
        color: var(--_on-accent);
        text-decoration: none;
      }
      .browse::first-letter {
        text-transform: uppercase;
      }
    }
    .summary {
      display: flex;
      align-items: center;
      gap: var(--_gap);
      margin-block-start: var(--_gap);
      color: var(--_muted);
      font-size: 0.875em;
    }
    .summary .bar {
      flex: 1;
    }
    .upload {
      padding-block: 0.35rem;
      padding-inline: 0.9rem;
      border: 0;
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    /* Block flow, not a grid: relaying out one changed row does not rerun a 500-row grid. */
    .list {
      display: block;
      margin: 0;
      margin-block-start: var(--_gap);
      padding: 0;
      list-style: none;
    }
    .item {
      /* Off-screen rows skip layout and paint: a list of 500 files stays cheap to update. */
      content-visibility: auto;
      contain-intrinsic-size: auto 3.5rem;
      /*
       * Flex, not grid, in rows and their parts: a grid keeps its track sizing with the
       * layout result, which for 500 rows was 4 MiB of the renderer's memory.
       */
      display: flex;
      align-items: center;
      gap: var(--_gap);
      padding: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .item + .item {
      margin-block-start: 0.5rem;
    }
    .thumb {
      display: flex;
      flex: none;
      align-items: center;
      justify-content: center;
      inline-size: 3rem;
      block-size: 3rem;
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_surface);
      color: var(--_muted);
      overflow: hidden;
    }
    .thumb deeplake-file::part(image) {
      inline-size: 3rem;
      block-size: 3rem;
      object-fit: cover;
      border-radius: 0;
    }
    /*
     * A row draws its file icon after its preview: shown while there is none. !important:
     * a page's ::part(icon) rule would otherwise win and show it beside the thumbnail.
     */
    .thumb > :is(img, deeplake-file) ~ svg {
      display: none !important;
    }
    /* A click on a button's icon targets the button (the list handles row clicks, templates/row.ts). */
    .action svg {
      pointer-events: none;
    }
    .thumb img {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }
    .details {
      display: flex;
      flex: 1;
      flex-direction: column;
      gap: 0.2rem;
      min-inline-size: 0;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 500;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.8125em;
    }
    .item[data-status='error'] .meta,
    .item[data-status='rejected'] .meta {
      color: var(--_danger);
    }
    .item[data-status='done'] .thumb {
      color: var(--_success);
    }
    .bar {
      block-size: 0.3rem;
      border-radius: 1rem;
      background: color-mix(in srgb, var(--_border) 70%, transparent);
      overflow: hidden;
    }
    /*
     * --p (0–100) is set per render through the style property. The fill moves with
     * translate, not inline-size: a moving bar then needs no layout. No transition: a bar
     * that glides between renders (5 a second while uploads run) animates all the time,
     * and every animation frame has to be composited, which without a GPU is the main
     * thread's work. The bars step like <progress>.
     */
    .fill {
      block-size: 100%;
      border-radius: inherit;
      background: var(--_accent);
      translate: calc(var(--p, 0) * 1% - 100%);
    }
    .fill:dir(rtl) {
      translate: calc(100% - var(--p, 0) * 1%);
    }
    .bar[data-phase='processing'] .fill {
      animation: pulse 1.2s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.45;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .fill {
        animation: none !important;
      }
    }
    .actions {
      display: flex;
      flex: none;
      gap: 0.25rem;
    }
    .action {
      display: flex;
      align-items: center;
      justify-content: center;
      inline-size: 2rem;
      block-size: 2rem;
      padding: 0;
      border: 1px solid transparent;
      border-radius: calc(var(--_radius) - 2px);
      background: none;
      color: var(--_muted);
    }
    .action:hover:not(:disabled) {
      border-color: var(--_border);
      color: var(--_fg);
    }
    .visually-hidden,
    input[type='file'] {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
