import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const PYTHON = process.env.IDFED_PYTHON ?? 'python3';

/**
 * boto3 for the specs that run a Python client: imported where it is installed, else installed for
 * the current user from PyPI (once per machine). A machine without Python fails these specs: they
 * are how idfed is checked against pytest + boto3 suites, not optional.
 */
export function ensureBoto3(): void {
  try {
    execFileSync(PYTHON, ['-c', 'import boto3'], { stdio: 'ignore' });
  } catch {
    execFileSync(PYTHON, ['-m', 'pip', 'install', '--quiet', '--user', 'boto3'], {
      stdio: 'inherit',
      timeout: 180_000,
    });
  }
}

/** Runs e2e/python/<script> with `env` added and returns the JSON it printed. */
export function runPython<T>(script: string, env: Record<string, string>): T {
  const out = execFileSync(PYTHON, [join(__dirname, '..', 'python', script)], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out) as T;
}
