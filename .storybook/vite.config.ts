// Storybook's own Vite config (see main.ts `viteConfigPath`): without it Storybook would
// merge the root vite.config.ts, whose dev server is the demo and whose build is the
// CDN library bundle. Storybook adds its plugins; main.ts's viteFinal adds the emulator.
import { defineConfig } from 'vite';

export default defineConfig({});
