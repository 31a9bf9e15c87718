import { readFileSync } from 'node:fs';

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Reads variables one by one and collects every problem, so a bad deployment learns all it has to
 * fix at once. Secret values are never echoed in messages.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly source: NodeJS.ProcessEnv) {}

  private raw(name: string): string | undefined {
    const value = this.source[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  throwIfProblems(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problem(`${name}=${value}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  }

  port(name: string, fallback: number): number {
    return this.int(name, fallback, 0, 65535);
  }

  url(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    } catch {
      this.problem(`${name}=${value}: expected an http:// or https:// URL`);
    }
    return value;
  }

  match(name: string, fallback: string, pattern: RegExp, expected: string): string {
    return this.optionalMatch(name, pattern, expected) ?? fallback;
  }

  optionalMatch(name: string, pattern: RegExp, expected: string, secret = false): string | undefined {
    const value = this.raw(name);
    if (value !== undefined && !pattern.test(value)) {
      this.problem(`${name}${secret ? '' : `=${value}`}: expected ${expected}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!allowed.includes(value as T)) {
      this.problem(`${name}=${value}: expected one of ${allowed.join(', ')}`);
      return fallback;
    }
    return value as T;
  }

  list(name: string, item: RegExp, expected: string): string[] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const items = value.split(',').map((s) => s.trim());
    if (items.some((i) => !item.test(i))) {
      this.problem(`${name}=${value}: expected ${expected}`);
      return undefined;
    }
    return items;
  }

  base64Key(name: string, bytes: number): Buffer | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    return this.decodeKey(name, value, bytes);
  }

  /**
   * A key given either by value (`name`) or as a file holding the same base64 text (`fileName`):
   * a file can live outside the data directory and its backups, e.g. a mounted secret. Both set
   * is a mistake, reported rather than resolved.
   */
  base64KeyOrFile(name: string, fileName: string, bytes: number): Buffer | undefined {
    const path = this.raw(fileName);
    if (path === undefined) return this.base64Key(name, bytes);
    if (this.raw(name) !== undefined) {
      this.problem(`${name} and ${fileName}: set one of them, not both`);
      return undefined;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8').trim();
    } catch (err) {
      this.problem(`${fileName}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      return undefined;
    }
    return this.decodeKey(`${fileName} (${path})`, text, bytes);
  }

  private decodeKey(name: string, value: string, bytes: number): Buffer | undefined {
    const key = Buffer.from(value, 'base64');
    if (key.length !== bytes) {
      this.problem(`${name}: expected ${bytes} bytes, base64-encoded (openssl rand -base64 ${bytes})`);
      return undefined;
    }
    return key;
  }
}
