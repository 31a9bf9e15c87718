/** The value every label falls back to when what it would carry is not on its list. */
export const UNKNOWN_LABEL = 'unknown';

/**
 * A label value from a closed list: `value` if the list has it, else `unknown`. Requests carry
 * anything in their targets and paths; only names idfed itself declares become series.
 */
export function boundedLabel(value: string | undefined, allowed: ReadonlySet<string>): string {
  return value !== undefined && allowed.has(value) ? value : UNKNOWN_LABEL;
}

/**
 * AWS error names as label values. They come from idfed's own answers, never from a client, but
 * a service of another version could send any: the shape of a name is checked and the number of
 * distinct values capped, past which further names count as `other`.
 */
export class ErrorNameLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly cap = 200) {}

  of(name: string): string {
    if (!/^[A-Z][A-Za-z0-9]{1,79}$/.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.cap) return 'other';
    this.seen.add(name);
    return name;
  }
}
