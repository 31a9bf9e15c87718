import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = process.env.IDFED_PYTHON ?? 'python3';
const AWS = process.env.IDFED_AWS_CLI ?? 'aws';

/**
 * The AWS CLI, as a developer configures idfed with it: found on the PATH where installed, else
 * installed for the current user from PyPI (AWS CLI v1, `awscli`) once per machine. A machine
 * without Python fails the spec: it checks what the issue promises a developer can do with the CLI.
 */
export function ensureAwsCli(): string {
  try {
    execFileSync(AWS, ['--version'], { stdio: 'ignore' });
    return AWS;
  } catch {
    execFileSync(PYTHON, ['-m', 'pip', 'install', '--quiet', '--user', 'awscli'], {
      stdio: 'inherit',
      timeout: 300_000,
    });
    const userBase = execFileSync(PYTHON, ['-m', 'site', '--user-base'], { encoding: 'utf8' }).trim();
    return join(userBase, 'bin', 'aws');
  }
}

export interface AwsCliProfile {
  endpoint: string;
  region: string;
  /** Absent: the call is sent unsigned (`--no-sign-request`), as an app's public calls are. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Runs one `aws <service> <operation> ...` against idfed and returns its JSON output (`{}` for an
 * operation that prints nothing). The CLI reads no config or credentials file of the machine's:
 * everything it uses is in `profile`. Asynchronous: idfed may call back into servers of the test's
 * own process (the provider stand-ins) while the CLI waits for its answer.
 */
export async function awsCli(
  cli: string,
  profile: AwsCliProfile,
  args: string[],
): Promise<Record<string, unknown>> {
  const home = mkdtempSync(join(tmpdir(), 'idfed-aws-cli-'));
  // CLI v1 fetches a parameter value that is an http(s) URL and sends its content instead (the
  // callback URLs!) unless told not to, as it would against AWS.
  writeFileSync(join(home, 'config'), '[default]\ncli_follow_urlparam = false\n');
  // The parent's environment without its AWS settings (HOME stays: pyenv's shims find Python by it).
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name, value]) => !name.startsWith('AWS_') && value !== undefined),
  ) as Record<string, string>;
  const env: Record<string, string> = {
    ...inherited,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_DEFAULT_REGION: profile.region,
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
  if (profile.credentials) {
    env.AWS_ACCESS_KEY_ID = profile.credentials.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = profile.credentials.secretAccessKey;
    if (profile.credentials.sessionToken) env.AWS_SESSION_TOKEN = profile.credentials.sessionToken;
  }
  const signing = profile.credentials ? [] : ['--no-sign-request'];
  const { stdout: out } = await promisify(execFile)(
    cli,
    [...args, '--endpoint-url', profile.endpoint, '--region', profile.region, '--output', 'json', ...signing],
    { env, encoding: 'utf8', timeout: 60_000 },
  );
  return out.trim() ? (JSON.parse(out) as Record<string, unknown>) : {};
}
