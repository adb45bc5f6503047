/**
 * Storybook 10 for the two elements. `npm run storybook` serves it with the emulator
 * mounted (stories upload for real); `npm run build-storybook` builds it offline to
 * storybook-static/ (CI), where stories that need the emulator show their offline state.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import { emulatorPlugin } from '../scripts/emulator-plugin.js';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } } },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig, { configType }) {
    if (configType === 'DEVELOPMENT') viteConfig.plugins = [...(viteConfig.plugins ?? []), emulatorPlugin()];
    // Storybook's own preview bundle (axe for the a11y panel) is large by nature: not a finding.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 2048 };
    return viteConfig;
  },
};

export default config;
