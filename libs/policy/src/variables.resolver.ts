import { ContextEntry, NormalizedContext } from './context.normalizer';
import { CompiledPattern, PatternToken } from './policy.types';

/**
 * Policy variables ("IAM policy elements: Variables and tags").
 *
 * Strings in Resource/NotResource and in string/ARN condition values are tokenized once at parse
 * time into literal text, wildcards and variables, so that:
 * - a value substituted for a variable is always literal: a user named "a*" does not get a wildcard;
 * - the escapes ${*}, ${?} and ${$} produce literal characters that never act as wildcards;
 * - a default, `${key, 'text'}`, is literal too; `''` inside it stands for one quote.
 * Only one round of substitution happens: a value containing "${...}" is not expanded again.
 *
 * With Version 2008-10-17 (or no Version) there are no variables: "${" is ordinary text.
 */

export interface PatternOptions {
  /** Recognize ${...} (Version 2012-10-17). */
  readonly variables: boolean;
  /** Treat * and ? as wildcards (Resource, StringLike, ArnLike); otherwise they are literal. */
  readonly wildcards: boolean;
}

export function compilePattern(source: string, options: PatternOptions): CompiledPattern {
  const tokens: PatternToken[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  let hasVariables = false;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (options.variables && c === '$' && source[i + 1] === '{') {
      const parsed = parseVariable(source, i + 2);
      if (parsed) {
        if (parsed.literal !== undefined) {
          text += parsed.literal;
        } else {
          flush();
          tokens.push({ kind: 'var', key: parsed.key!, fallback: parsed.fallback });
          hasVariables = true;
        }
        i = parsed.end;
        continue;
      }
    }
    if (options.wildcards && (c === '*' || c === '?')) {
      flush();
      tokens.push({ kind: c === '*' ? 'any' : 'one' });
    } else {
      text += c;
    }
    i++;
  }
  flush();
  return { source, tokens, hasVariables };
}

interface ParsedVariable {
  /** Index just past the closing brace. */
  readonly end: number;
  /** For the escapes ${*}, ${?}, ${$}. */
  readonly literal?: string;
  readonly key?: string;
  readonly fallback?: string;
}

/**
 * Parses what follows "${". Returns undefined for anything that is not a well-formed variable, in
 * which case the caller keeps the characters as literal text (IAM would simply never match them).
 */
function parseVariable(source: string, start: number): ParsedVariable | undefined {
  const close = source.indexOf('}', start);
  if (close < 0) return undefined;
  const inner = source.slice(start, close);
  if (inner === '*' || inner === '?' || inner === '$') return { end: close + 1, literal: inner };

  // `${ key }` or `${ key , 'default with '' quotes' }`; the default may itself contain "}".
  let i = start;
  while (source[i] === ' ') i++;
  const keyStart = i;
  while (i < source.length && source[i] !== ',' && source[i] !== '}' && source[i] !== ' ') i++;
  const key = source.slice(keyStart, i);
  while (source[i] === ' ') i++;
  if (!key || key.includes('{') || key.includes('$')) return undefined;
  if (source[i] === '}') return { end: i + 1, key: key.toLowerCase() };
  if (source[i] !== ',') return undefined;
  i++;
  while (source[i] === ' ') i++;
  if (source[i] !== "'") return undefined;
  i++;
  let fallback = '';
  for (;;) {
    if (i >= source.length) return undefined;
    if (source[i] === "'") {
      if (source[i + 1] === "'") {
        fallback += "'";
        i += 2;
        continue;
      }
      i++;
      break;
    }
    fallback += source[i++];
  }
  while (source[i] === ' ') i++;
  if (source[i] !== '}') return undefined;
  return { end: i + 1, key: key.toLowerCase(), fallback };
}

export type ResolvedToken =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'any' | 'one' };

/**
 * Substitutes variables from the request context. Returns undefined when a variable has no value
 * and no default; IAM then treats the statement as not matching ("not present ... any attempt to
 * match it fails and causes the statement to be invalid"). A multivalued key has no single value
 * to substitute, so it counts as unresolved too.
 */
export function resolvePattern(
  pattern: CompiledPattern,
  context: NormalizedContext,
): readonly ResolvedToken[] | undefined {
  if (!pattern.hasVariables) return pattern.tokens as readonly ResolvedToken[];
  const out: ResolvedToken[] = [];
  for (const token of pattern.tokens) {
    if (token.kind !== 'var') {
      out.push(token);
      continue;
    }
    const value = variableValue(context.get(token.key)) ?? token.fallback;
    if (value === undefined) return undefined;
    out.push({ kind: 'text', text: value });
  }
  return out;
}

function variableValue(entry: ContextEntry | undefined): string | undefined {
  if (!entry || entry.multivalued || entry.values.length !== 1) return undefined;
  return entry.values[0];
}

/** For patterns compiled without wildcards: the plain string after substitution. */
export function resolveToString(pattern: CompiledPattern, context: NormalizedContext): string | undefined {
  const tokens = resolvePattern(pattern, context);
  if (!tokens) return undefined;
  let s = '';
  for (const t of tokens) s += t.kind === 'text' ? t.text : t.kind === 'any' ? '*' : '?';
  return s;
}

/**
 * The values the variables of these patterns take in this request, joined into a cache key; or
 * undefined if one cannot be resolved. Two requests with the same key resolve to the same text.
 */
export function variableKey(
  patterns: readonly CompiledPattern[],
  context: NormalizedContext,
): string | undefined {
  let key = '';
  for (const pattern of patterns) {
    if (!pattern.hasVariables) continue;
    for (const token of pattern.tokens) {
      if (token.kind !== 'var') continue;
      const value = variableValue(context.get(token.key)) ?? token.fallback;
      if (value === undefined) return undefined;
      key += `${value}\u0000`;
    }
  }
  return key;
}
