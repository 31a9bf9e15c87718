/**
 * The injection token of a clock (`() => number`, milliseconds). Optional everywhere: without a
 * provider the classes read Date.now; integration specs provide one to move time.
 */
export const CLOCK = Symbol('CLOCK');

export type Clock = () => number;
