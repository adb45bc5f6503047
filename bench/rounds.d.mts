export function median(xs: readonly number[]): number;
export function roundOrder(n: number, round: number): number[];
