/**
 * AWS's wording for input that breaks a constraint, shared by the edge validator (ShapeValidator)
 * and the services' own checks (RequestValidator):
 *   1 validation error detected: Value 'x' at 'policies.passwordPolicy.minimumLength' failed to
 *   satisfy constraint: Member must have value greater than or equal to 6
 */

/** How a value appears in a message: AWS leaves sensitive values out ("Value at 'password'"). */
export interface ShownValue {
  value?: string;
  sensitive?: boolean;
  /** Printed as is, unquoted (`null` for a missing member). */
  shown?: 'null';
}

/** At most this many violations are spelled out; the count still names them all. */
const LISTED = 10;

export function violationText(path: string, value: ShownValue, constraint: string): string {
  return `Value${shownValue(value)} at '${memberPath(path)}' failed to satisfy constraint: ${constraint}`;
}

/** Undefined when there is nothing to report. */
export function violationsMessage(violations: readonly string[]): string | undefined {
  const n = violations.length;
  if (n === 0) return undefined;
  return `${n} validation error${n > 1 ? 's' : ''} detected: ${violations.slice(0, LISTED).join('; ')}`;
}

/** AWS names members by their wire name with a lower-case first letter: `userAttributes.1.member.name`. */
export function memberPath(path: string): string {
  return path
    .split('.')
    .map((segment) => segment.charAt(0).toLowerCase() + segment.slice(1))
    .join('.');
}

function shownValue({ value, sensitive, shown }: ShownValue): string {
  if (shown) return ` ${shown}`;
  // Long or unprintable values are left out too: a message stays small and echoes no control bytes.
  if (sensitive || value === undefined || value.length > 256 || !PRINTABLE.test(value)) return '';
  return ` '${value}'`;
}

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
