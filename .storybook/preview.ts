/**
 * Registers the elements for every story. Controls come from each story file's args,
 * which its render applies to the element; the attribute reference lives in the README
 * (generated from custom-elements.json).
 */
import type { Preview } from '@storybook/web-components-vite';
import '../src/index.js';

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    // The a11y panel lists axe violations per story; they do not fail the build.
    a11y: { test: 'todo' },
    controls: { expanded: true },
  },
};

export default preview;
