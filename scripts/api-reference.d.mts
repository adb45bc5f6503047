export function apiReference(manifest: unknown): string;
export function replaceBetween(text: string, start: string, end: string, block: string, file?: string): string;
