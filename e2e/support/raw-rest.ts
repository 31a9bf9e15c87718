import { AnyOperation, OPERATION_CATALOG, RestJsonSurface } from '@idfed/contracts';
import { signRequest } from '@idfed/sigv4';
import type { E2eSystem } from './e2e-context';
import { formEncode, marked, type RawAnswer, type RawCallOptions } from './raw-aws';

/**
 * A REST-JSON request (Cognito Sync) built from an operation's input the way the SDKs spread it
 * (path labels, query parameters, headers, the rest as the JSON body), signed with the admin key by
 * idfed's own signer and sent to the real gateway. Members of any type go out as given, so the
 * fuzz suite can send what the SDK never would.
 */
export async function rawRestCall(
  system: E2eSystem,
  operation: string,
  input: Record<string, unknown>,
  options: RawCallOptions = {},
): Promise<RawAnswer> {
  const { surface } = restOperation(operation);
  const rest: Record<string, unknown> = { ...input };
  const path = surface.path.replace(/\{(\w+)\}/g, (_, member: string) => {
    const value = rest[member];
    delete rest[member];
    return formEncode(value === undefined ? '' : asText(value));
  });
  const query: string[] = [];
  for (const [member, name] of Object.entries(surface.query)) {
    if (rest[member] !== undefined) query.push(`${name}=${formEncode(asText(rest[member]))}`);
    delete rest[member];
  }
  const headers: Record<string, string> = {};
  for (const [member, name] of Object.entries(surface.headers)) {
    const value = rest[member] === undefined ? undefined : asText(rest[member]);
    // A value no HTTP client can put in a header (NUL, CR, LF, or a character beyond one byte)
    // never reaches a server: fetch refuses it before sending, so the member is left out.
    if (value !== undefined && sendableInHeader(value)) headers[name.toLowerCase()] = value;
    delete rest[member];
  }
  const hasBody = surface.method === 'POST';
  const body = hasBody ? JSON.stringify(rest) : '';
  if (hasBody) headers['content-type'] = 'application/json';
  const queryText = query.join('&');
  const host = new URL(system.endpoint).host;
  const signed = signRequest(
    {
      method: surface.method,
      path,
      query: queryText,
      headers: { ...headers, host },
      body: Buffer.from(body),
    },
    { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    { region: 'us-east-1', service: surface.api },
  );
  const { host: _host, ...sent } = signed.headers as Record<string, string>;
  const url = `${system.endpoint}${path}${queryText ? `?${queryText}` : ''}`;
  const res = await fetch(url, {
    method: surface.method,
    headers: marked(sent, options),
    ...(hasBody ? { body } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the caller's assertions say what was expected
  }
  const obj = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const errorType = res.headers.get('x-amzn-errortype')?.split(':')[0];
  return {
    status: res.status,
    ...(res.status >= 300
      ? { error: errorType ?? asText(obj.__type), message: asText(obj.message ?? obj.Message) }
      : {}),
    body: parsed,
  };
}

function restOperation(name: string): AnyOperation & { surface: RestJsonSurface } {
  const op = OPERATION_CATALOG.find((o) => o.surface.protocol === 'rest-json' && o.name === name);
  if (!op) throw new Error(`${name} is not a REST-JSON operation idfed serves`);
  return op as AnyOperation & { surface: RestJsonSurface };
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sendableInHeader(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0 || c === 10 || c === 13 || c > 0xff) return false;
  }
  return true;
}
