import type { LaunchOptions } from 'puppeteer-core';

export const ENGINES: readonly ['chromium', 'firefox', 'webkit'];
export function selectedEngine(argv?: string[]): 'chromium' | 'firefox' | 'webkit';
export const firefoxPath: string;
export const firefoxPrefs: Record<string, unknown>;
export function firefoxLaunchOptions(): LaunchOptions;
export const miniBrowserPath: string;
export const webkitDriverPath: string;
export function webkitCapabilities(): Record<string, unknown>;
export function startWebKitDriver(): Promise<{ hostname: string; port: number; display: string; stop(): void }>;
