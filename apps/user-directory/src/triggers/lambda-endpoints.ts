import { createHmac, hkdfSync } from 'node:crypto';
import { IdfedEnv } from '@idfed/config';

/** The operator's user pool trigger endpoints and how they are called (ADR 0030), injected by token. */
export interface LambdaEndpointsConfig {
  accountId: string;
  /** Function name -> the URL called in its place. Nothing else is ever called. */
  endpoints: ReadonlyMap<string, string>;
  /** The secret each endpoint's signing key is derived from; set whenever endpoints is not empty. */
  secret?: Buffer;
  timeoutMs: number;
  /** Largest answer read from a trigger; a longer one is InvalidLambdaResponseException. */
  maxAnswerBytes: number;
}

export const LAMBDA_ENDPOINTS_CONFIG = Symbol('LAMBDA_ENDPOINTS_CONFIG');

export function lambdaEndpointsConfig(env: IdfedEnv): LambdaEndpointsConfig {
  return {
    accountId: env.accountId,
    endpoints: new Map(env.lambdaEndpoints.map((t) => [t.name, t.url])),
    secret: env.lambdaSecret,
    timeoutMs: env.lambdaTimeoutMs,
    // Lambda's synchronous payload limit is 6 MB; a trigger's answer is a small event.
    maxAnswerBytes: 1024 * 1024,
  };
}

/** The region a pool lives in: the prefix of its id (`us-east-1_AbC...`). */
export function regionOfPool(poolId: string): string {
  return poolId.slice(0, poolId.indexOf('_'));
}

/**
 * The endpoint a function ARN names: only `arn:aws:lambda:<pool's region>:<account>:function:<name>`
 * of idfed's account, with a name the operator configured (no qualifier, no URL).
 */
export function endpointOf(
  config: LambdaEndpointsConfig,
  poolId: string,
  functionArn: string,
): { name: string; url: string } | undefined {
  const prefix = `arn:aws:lambda:${regionOfPool(poolId)}:${config.accountId}:function:`;
  if (!functionArn.startsWith(prefix)) return undefined;
  const name = functionArn.slice(prefix.length);
  const url = config.endpoints.get(name);
  return url === undefined ? undefined : { name, url };
}

/** The headers that authenticate one user pool trigger call (ADR 0030). */
export interface LambdaCallHeaders {
  'x-idfed-trigger-id': string;
  'x-idfed-timestamp': string;
  'x-idfed-function': string;
  'x-idfed-signature': string;
}

/**
 * The key one endpoint verifies its calls with: HKDF-SHA256 of `IDFED_LAMBDA_SECRET`, info
 * `idfed user pool trigger endpoint v1` and the function name. Each receiver holds only its own
 * key, so one cannot forge calls to another (as ADR 0023 for sync triggers; the info differs, so
 * a sync trigger's key never verifies a user pool trigger's call).
 */
export function lambdaEndpointKey(secret: Buffer, functionName: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', secret, Buffer.alloc(0), `idfed user pool trigger endpoint v1\n${functionName}`, 32),
  );
}

/**
 * `v1=` + hex HMAC-SHA256, under the endpoint's key, of `v1\n<timestamp>\n<call id>\n<function
 * ARN>\n<body>`: the receiver recomputes it over the raw body, refuses a timestamp more than 5
 * minutes off and a call id it has seen, so a captured call can be neither altered, replayed, nor
 * sent to another endpoint.
 */
export function signLambdaCall(
  key: Buffer,
  call: { id: string; timestamp: number; functionArn: string; body: string },
): LambdaCallHeaders {
  const mac = createHmac('sha256', key)
    .update(`v1\n${call.timestamp}\n${call.id}\n${call.functionArn}\n${call.body}`)
    .digest('hex');
  return {
    'x-idfed-trigger-id': call.id,
    'x-idfed-timestamp': String(call.timestamp),
    'x-idfed-function': call.functionArn,
    'x-idfed-signature': `v1=${mac}`,
  };
}
