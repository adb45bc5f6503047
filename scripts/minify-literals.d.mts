import type { Plugin } from 'vite';
export function minifyLiterals(include?: string[]): Plugin;
