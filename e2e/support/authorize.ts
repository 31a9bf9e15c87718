import { signRequest } from '../../libs/sigv4/src';
import { e2eSystem } from './e2e-context';
import { SdkCredentials } from './iam-principals';

/** What idfed's `POST /authorize` answers (docs/api.md); specs read the members they check. */
export interface AuthorizeAnswer {
  authenticated: boolean;
  allowed: boolean;
  decision: string;
  /** Why not, in words (a refusal). */
  reason?: string;
  /** The sealed authorization message of a refusal (STS DecodeAuthorizationMessage). */
  encodedMessage?: string;
  [member: string]: unknown;
}

/**
 * What a resource service does with a request a device signed: it hands the request to idfed's
 * `POST /authorize`, itself signed with the admin key, and is told who signed it and whether the
 * action on the resource is allowed. The device's request is a GET of `path` on a `docs` service.
 */
export async function authorizeDeviceRequest<Answer = AuthorizeAnswer>(
  device: SdkCredentials,
  ask: { action: string; resource: string; context?: object; path?: string; region?: string },
  system = e2eSystem(),
): Promise<Answer> {
  const { action, resource, context, path = '/docs/x', region = 'us-east-1' } = ask;
  const deviceRequest = signRequest(
    { method: 'GET', path, query: '', headers: { host: 'docs.example.test' }, body: '' },
    device,
    { region, service: 'docs' },
  );
  const url = new URL(`${system.endpoint}/authorize`);
  const body = JSON.stringify({
    request: { method: 'GET', path, query: '', headers: deviceRequest.headers, service: 'docs' },
    action,
    resource,
    ...(context ? { context } : {}),
  });
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const signed = signRequest(
    {
      method: 'POST',
      path: '/authorize',
      query: '',
      headers: { host: url.host, 'content-type': 'application/json' },
      body,
    },
    admin,
    { region, service: 'idfed' },
  );
  const res = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body });
  if (res.status !== 200) throw new Error(`POST /authorize answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Answer;
}
