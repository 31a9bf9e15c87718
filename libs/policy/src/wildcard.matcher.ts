import type { ResolvedToken } from './variables.resolver';

/**
 * Wildcard matching for Action, Resource, StringLike and ArnLike. Four flavours, because IAM has
 * different wildcard rules for them:
 *
 * - 'action' (Action/NotAction): case-insensitive; * is any run of characters, ? one character.
 *
 * - 'text' (StringLike/StringNotLike): case-sensitive; * and ? may match anything, including
 *   "/" and ":".
 *
 * - 'resource' (Resource/NotResource): case-sensitive and ARN-aware ("IAM JSON policy elements:
 *   Resource — Using wildcards in resource ARNs"). The components before the fifth colon
 *   (partition, service, region, account) are matched one by one: * and ? there match no colon.
 *   After the fifth colon — the resource part, where colons are ordinary characters — * and ? match
 *   anything, including "/" and ":". IAM adds that "if the * wildcard is the last character of a
 *   resource ARN segment, it can expand to match beyond the colon boundaries"; we apply that only
 *   where the pattern stops early: a * in the last component of a pattern with fewer than six
 *   components ("arn:aws:s3:*", "arn:aws:iam::*") also matches the colons of the components the
 *   pattern leaves out. Letting a * in the middle of a full ARN cross colons would let
 *   "arn:aws:svc:*:111122223333:thing/*" match a resource of another account whose name merely
 *   contains ":111122223333:thing/", so we do not. A bare "*" matches every resource.
 *
 * - 'arn' (ArnEquals/ArnLike and negations): "each of the six colon-delimited components of the
 *   ARN is checked separately", so no wildcard in the first five segments crosses a colon, and the
 *   value must itself have six components (checked by the caller).
 *
 * Why not RegExp: both the patterns (tenants write policies) and the values (request parameters)
 * are untrusted, and a backtracking regex for "*a*a*a*a*b" takes seconds on a 200-character value.
 * Patterns are compiled into a small automaton that is simulated over the value, so a match costs
 * at most O(value length × pattern length), with fast paths for the usual shapes (exact text, a
 * prefix followed by "*", a lone "*").
 */
export type WildcardFlavour = 'action' | 'text' | 'resource' | 'arn';

const LITERAL = 0;
const ONE_ANY = 1;
const ONE_NOT_COLON = 2;
const STAR_ANY = 3;
const STAR_NOT_COLON = 4;
const COLON = 0x3a;

/** A pattern with wildcards, as an automaton: element i is a character or a (restricted) wildcard. */
interface Automaton {
  readonly kinds: Uint8Array;
  readonly chars: Uint16Array;
  /** Literal text before the first wildcard and after the last: cheap checks before simulating. */
  readonly prefix: string;
  readonly suffix: string;
  /** The pattern ends in an unrestricted *: reaching it means the rest of the value matches. */
  readonly openEnded: boolean;
}

/** Any of several patterns; what Action/Resource lists and multi-valued conditions compile to. */
export class WildcardSet {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];
  private readonly automata: Automaton[] = [];
  private matchesAll = false;

  constructor(
    patterns: readonly (readonly ResolvedToken[])[],
    private readonly flavour: WildcardFlavour,
  ) {
    for (const tokens of patterns) this.add(tokens);
  }

  test(value: string): boolean {
    if (this.matchesAll) return true;
    const v = this.flavour === 'action' ? value.toLowerCase() : value;
    if (this.exact.has(v)) return true;
    for (const prefix of this.prefixes) if (v.startsWith(prefix)) return true;
    for (const automaton of this.automata) if (run(automaton, v)) return true;
    return false;
  }

  private add(tokens: readonly ResolvedToken[]): void {
    const fold = this.flavour === 'action';
    const kinds: number[] = [];
    const chars: number[] = [];
    let literal = '';
    let colons = 0;
    let totalColons = 0;
    for (const t of tokens) if (t.kind === 'text') totalColons += t.text.split(':').length - 1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === 'text') {
        const text = fold ? t.text.toLowerCase() : t.text;
        literal += text;
        for (let k = 0; k < text.length; k++) {
          const c = text.charCodeAt(k);
          kinds.push(LITERAL);
          chars.push(c);
          if (c === COLON) colons++;
        }
        continue;
      }
      kinds.push(this.wildcardKind(t.kind, colons, totalColons));
      chars.push(0);
    }

    const wildcards = kinds.filter((k) => k !== LITERAL).length;
    if (wildcards === 0) {
      this.exact.add(literal);
    } else if (wildcards === 1 && kinds[kinds.length - 1] === STAR_ANY) {
      if (literal === '') this.matchesAll = true;
      else this.prefixes.push(literal);
    } else {
      const first = kinds.findIndex((k) => k !== LITERAL);
      const last = kinds.length - 1 - [...kinds].reverse().findIndex((k) => k !== LITERAL);
      this.automata.push({
        kinds: Uint8Array.from(kinds),
        chars: Uint16Array.from(chars),
        prefix: String.fromCharCode(...chars.slice(0, first)),
        suffix: String.fromCharCode(...chars.slice(last + 1)),
        openEnded: kinds[kinds.length - 1] === STAR_ANY,
      });
    }
  }

  /** `colons`: how many colons precede the wildcard in the pattern; `totalColons`: in all of it. */
  private wildcardKind(kind: 'any' | 'one', colons: number, totalColons: number): number {
    const arnComponent = (this.flavour === 'resource' || this.flavour === 'arn') && colons < 5;
    if (!arnComponent) return kind === 'any' ? STAR_ANY : ONE_ANY;
    if (kind === 'one') return ONE_NOT_COLON;
    // Only in the last component of a pattern that stops before the resource part.
    return this.flavour === 'resource' && colons === totalColons ? STAR_ANY : STAR_NOT_COLON;
  }
}

// Scratch space for run(): evaluation is synchronous, so one set of buffers serves every call.
let current = new Int32Array(64);
let next = new Int32Array(64);
let seen = new Uint32Array(64);
let generation = 0;

/**
 * Simulates the automaton over the value, tracking every pattern position reachable so far
 * (Thompson's construction): linear in the value, with at most one entry per pattern position.
 */
function run(automaton: Automaton, value: string): boolean {
  const { kinds, chars, prefix, suffix, openEnded } = automaton;
  if (!value.startsWith(prefix) || !value.endsWith(suffix)) return false;
  if (value.length < prefix.length + suffix.length) return false;
  const m = kinds.length;
  if (seen.length < m + 2) {
    current = new Int32Array(m + 2);
    next = new Int32Array(m + 2);
    seen = new Uint32Array(m + 2);
    generation = 0;
  }
  // Reaching the final * of an open-ended pattern settles the match. Otherwise `done` points at
  // the spare slot m + 1, which no state ever marks.
  const done = openEnded ? m - 1 : m + 1;
  newGeneration();
  let curLen = addState(current, 0, prefix.length, kinds, m);
  if (seen[done] === generation) return true;
  for (let i = prefix.length; i < value.length && curLen > 0; i++) {
    if (curLen === 1 && kinds[current[0]] === LITERAL) {
      // A lone literal state: compare its whole run of literal characters in one go.
      let pos = current[0];
      while (pos < m && kinds[pos] === LITERAL && i < value.length) {
        if (chars[pos] !== value.charCodeAt(i)) return false;
        pos++;
        i++;
      }
      newGeneration();
      curLen = addState(current, 0, pos, kinds, m);
      if (seen[done] === generation) return true;
      i--;
      continue;
    }
    if (
      curLen === 2 &&
      kinds[current[0]] === STAR_NOT_COLON &&
      current[1] === current[0] + 1 &&
      kinds[current[1]] === LITERAL &&
      chars[current[1]] === COLON
    ) {
      // A segment wildcard followed by the segment's colon ("arn:aws:svc:*:..."): the wildcard
      // can only run to the next colon, which the literal must then match.
      const colon = value.indexOf(':', i);
      if (colon < 0) return false;
      newGeneration();
      curLen = addState(current, 0, current[1] + 1, kinds, m);
      if (seen[done] === generation) return true;
      i = colon;
      continue;
    }
    if (
      curLen === 2 &&
      kinds[current[0]] === STAR_ANY &&
      current[1] === current[0] + 1 &&
      kinds[current[1]] === LITERAL
    ) {
      // A * waiting for its next literal: characters before that literal change nothing.
      const wanted = chars[current[1]];
      while (i < value.length && value.charCodeAt(i) !== wanted) i++;
      if (i === value.length) return false;
    }
    const c = value.charCodeAt(i);
    newGeneration();
    let nextLen = 0;
    for (let s = 0; s < curLen; s++) {
      const pos = current[s];
      if (pos === m) continue;
      switch (kinds[pos]) {
        case LITERAL:
          if (chars[pos] === c) nextLen = addState(next, nextLen, pos + 1, kinds, m);
          break;
        case ONE_ANY:
          nextLen = addState(next, nextLen, pos + 1, kinds, m);
          break;
        case ONE_NOT_COLON:
          if (c !== COLON) nextLen = addState(next, nextLen, pos + 1, kinds, m);
          break;
        case STAR_ANY:
          nextLen = addState(next, nextLen, pos, kinds, m);
          break;
        case STAR_NOT_COLON:
          if (c !== COLON) nextLen = addState(next, nextLen, pos, kinds, m);
          break;
      }
    }
    if (seen[done] === generation) return true;
    const swap = current;
    current = next;
    next = swap;
    curLen = nextLen;
  }
  for (let s = 0; s < curLen; s++) if (current[s] === m) return true;
  return false;
}

function newGeneration(): void {
  generation++;
  if (generation === 0xffffffff) {
    seen.fill(0);
    generation = 1;
  }
}

/** Adds a position and, since a star may match nothing, every position right after a run of stars. */
function addState(list: Int32Array, len: number, pos: number, kinds: Uint8Array, m: number): number {
  for (;;) {
    if (seen[pos] === generation) return len;
    seen[pos] = generation;
    list[len++] = pos;
    if (pos === m || (kinds[pos] !== STAR_ANY && kinds[pos] !== STAR_NOT_COLON)) return len;
    pos++;
  }
}

/** One matcher for any of the patterns. */
export function compileAlternation(
  patterns: readonly (readonly ResolvedToken[])[],
  flavour: WildcardFlavour,
): WildcardSet {
  return new WildcardSet(patterns, flavour);
}

/** ARNs have at least six colon-separated components; the sixth may contain more colons. */
export function isArnShaped(value: string): boolean {
  if (!value.startsWith('arn:')) return false;
  let colons = 0;
  for (let i = 0; i < value.length && colons < 5; i++) if (value.charCodeAt(i) === COLON) colons++;
  return colons >= 5;
}

/**
 * Matchers for patterns with policy variables, keyed by the values substituted into them. Such
 * patterns are rebuilt per request, but mostly with the same few values (one caller's identity id,
 * one user's home prefix), so a small cache saves recompiling them.
 */
export class DynamicMatcherCache {
  private readonly entries = new Map<string, WildcardSet>();

  constructor(private readonly limit = 256) {}

  get(key: string, build: () => WildcardSet): WildcardSet {
    let matcher = this.entries.get(key);
    if (matcher) return matcher;
    matcher = build();
    // Oldest-first eviction: Map keeps insertion order.
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, matcher);
    return matcher;
  }
}
