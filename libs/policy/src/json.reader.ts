/**
 * Reads a policy's JSON text. JSON.parse does the parsing; a second linear pass over the
 * already-valid text measures the document the way IAM's quotas do (whitespace between tokens is
 * not counted) and finds duplicate object keys, which JSON.parse would silently resolve as
 * "last one wins" — a policy whose meaning depends on that is refused rather than guessed at.
 */

export interface JsonReadResult {
  readonly value: unknown;
  /** Characters that are not whitespace between JSON tokens. */
  readonly withoutWhitespace: number;
  /** The first key that appears twice in one object, if any. */
  readonly duplicateKey?: string;
}

export function readJson(text: string): JsonReadResult {
  const value: unknown = JSON.parse(text);
  // Each open object has the set of keys seen so far; arrays push null.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  let counted = 0;
  let duplicateKey: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      counted += j - i + 1;
      if (expectKey) {
        const keys = stack[stack.length - 1];
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (keys?.has(key) && duplicateKey === undefined) duplicateKey = key;
        keys?.add(key);
        expectKey = false;
      }
      i = j;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    counted++;
    if (c === 0x7b /* { */) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push(null);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] != null;
    }
  }
  return { value, withoutWhitespace: counted, duplicateKey };
}
