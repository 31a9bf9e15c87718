import { AwsError } from '@idfed/aws-protocol';
import { ContextValue } from '@idfed/policy';
import { HttpRequestParts } from '@idfed/sigv4';

/** POST /authorize: who signed a request (or holds a session), and may they do `action` on `resource`? */
export interface AuthorizeRequest {
  action: string;
  resource: string;
  context?: Record<string, ContextValue>;
  /** The signed request to verify: its parts as received, the body base64-encoded. */
  request?: {
    method: string;
    path: string;
    query?: string;
    headers: Record<string, string | string[]>;
    body?: string;
    /** Credential scope service the request must be signed for, e.g. `cognito-sync`. */
    service: string;
    region?: string;
  };
  /** Or credentials the resource service already verified the signature of. */
  credentials?: { accessKeyId: string; sessionToken: string };
}

const ACTION = /^[A-Za-z0-9.-]+:[A-Za-z0-9*?]+$/;

function invalid(message: string): AwsError {
  return new AwsError('ValidationException', message);
}

/** Checks the JSON body's shape; the request's own signature is verified later. */
export function readAuthorizeRequest(body: Record<string, unknown>): {
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
  request?: { parts: HttpRequestParts; service: string; region?: string };
  credentials?: { accessKeyId: string; sessionToken: string };
} {
  const { action, resource, context, request, credentials } = body as Partial<AuthorizeRequest>;
  if (typeof action !== 'string' || !ACTION.test(action) || action.length > 128) {
    throw invalid('action must be "service:Action".');
  }
  if (typeof resource !== 'string' || resource.length === 0 || resource.length > 2048) {
    throw invalid('resource must be an ARN or "*".');
  }
  const ctx: Record<string, ContextValue> = {};
  if (context !== undefined) {
    if (typeof context !== 'object' || context === null || Array.isArray(context)) {
      throw invalid('context must be an object of condition keys.');
    }
    for (const [key, value] of Object.entries(context)) {
      const scalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
      if (!(scalar(value) || (Array.isArray(value) && value.every(scalar)))) {
        throw invalid(`context ${key.slice(0, 64)} must be a string, number, boolean or a list of them.`);
      }
      ctx[key] = value;
    }
  }
  if ((request === undefined) === (credentials === undefined)) {
    throw invalid('Give exactly one of request (a signed request to verify) or credentials.');
  }
  if (request !== undefined) {
    const r = request;
    if (
      typeof r !== 'object' ||
      typeof r.method !== 'string' ||
      typeof r.path !== 'string' ||
      typeof r.service !== 'string' ||
      typeof r.headers !== 'object' ||
      r.headers === null ||
      (r.query !== undefined && typeof r.query !== 'string') ||
      (r.body !== undefined && typeof r.body !== 'string') ||
      (r.region !== undefined && typeof r.region !== 'string')
    ) {
      throw invalid('request needs method, path, headers and service (query, body and region are optional).');
    }
    return {
      action,
      resource,
      context: ctx,
      request: {
        parts: {
          method: r.method,
          path: r.path,
          query: r.query ?? '',
          headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])),
          body: Buffer.from(r.body ?? '', 'base64'),
        },
        service: r.service,
        region: r.region,
      },
    };
  }
  const c = credentials!;
  if (typeof c !== 'object' || typeof c.accessKeyId !== 'string' || typeof c.sessionToken !== 'string') {
    throw invalid('credentials needs accessKeyId and sessionToken.');
  }
  return { action, resource, context: ctx, credentials: c };
}
