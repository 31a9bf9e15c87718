import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ServiceError } from '@idfed/messaging';
import { secondsSince, userPoolTriggerCalls, userPoolTriggerDuration } from '@idfed/observability';
import {
  endpointOf,
  LAMBDA_ENDPOINTS_CONFIG,
  lambdaEndpointKey,
  LambdaEndpointsConfig,
  signLambdaCall,
} from './lambda-endpoints';

/** The LambdaConfig members idfed calls, which are also the names in Cognito's error messages. */
export type TriggerName =
  | 'PreSignUp'
  | 'PostConfirmation'
  | 'PreAuthentication'
  | 'PostAuthentication'
  | 'PreTokenGeneration'
  | 'UserMigration'
  | 'CustomMessage'
  | 'CustomEmailSender'
  | 'CustomSMSSender'
  | 'InboundFederation'
  | AuthChallengeTriggerName;

/** The three triggers of the CUSTOM_AUTH flow (ADR 0036). */
export type AuthChallengeTriggerName =
  'DefineAuthChallenge' | 'CreateAuthChallenge' | 'VerifyAuthChallengeResponse';

/** The event every Cognito user pool trigger receives; `response` is what the trigger fills in. */
export interface TriggerEvent<Req = Record<string, unknown>, Res = Record<string, unknown>> {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: Req;
  response: Res;
}

/** Cognito's errors for a trigger that failed, with Cognito's messages. */
export const TriggerErrors = {
  /** The function ran and failed (threw): its message reaches the app. */
  refused: (trigger: TriggerName, message: string) =>
    new ServiceError('UserLambdaValidationException', `${trigger} failed with error ${message}.`),
  unexpected: (trigger: TriggerName, reason: string) =>
    new ServiceError('UnexpectedLambdaException', `${trigger} invocation failed due to error ${reason}.`),
  invalidResponse: () => new ServiceError('InvalidLambdaResponseException', 'Unrecognizable lambda output'),
};

const TRIGGER_ERROR_NAMES = new Set([
  'UserLambdaValidationException',
  'UnexpectedLambdaException',
  'InvalidLambdaResponseException',
]);

/** Whether an error is one of a failed trigger's (a page shows its message as it is). */
export function isTriggerError(err: unknown): err is ServiceError {
  if (!(err instanceof ServiceError)) return false;
  const name: string = (err as ServiceError).errorName;
  return TRIGGER_ERROR_NAMES.has(name);
}

/**
 * Calls one user pool trigger: the HTTP endpoint the operator configured under the function's
 * name, in place of a Lambda (ADR 0030). A signed POST of the event as JSON; the answer is the
 * event with `response` filled in, of which only `response` is read (a trigger cannot re-target the
 * call to another user or pool). Answers:
 * - 2xx with a JSON object whose `response` is an object (or null): that response;
 * - 4xx/5xx with a JSON body carrying a string `errorMessage` (Lambda's error shape): the function
 *   failed, UserLambdaValidationException `<Trigger> failed with error <errorMessage>.`;
 * - no answer within the timeout, refused or failed connection, a redirect (never followed), any
 *   other status, or a function the operator does not configure: UnexpectedLambdaException;
 * - a 2xx that is not JSON, not an object or over the size limit: InvalidLambdaResponseException.
 */
@Injectable()
export class TriggerCaller {
  private readonly logger = new Logger(TriggerCaller.name);
  private readonly keys = new Map<string, Buffer>();

  constructor(@Inject(LAMBDA_ENDPOINTS_CONFIG) private readonly config: LambdaEndpointsConfig) {}

  /** Whether a pool may name this function for its triggers. */
  knows(poolId: string, functionArn: string): boolean {
    return endpointOf(this.config, poolId, functionArn) !== undefined;
  }

  private keyOf(name: string, secret: Buffer): Buffer {
    let key = this.keys.get(name);
    if (!key) this.keys.set(name, (key = lambdaEndpointKey(secret, name)));
    return key;
  }

  async invoke<Res>(
    trigger: TriggerName,
    functionArn: string,
    event: TriggerEvent<unknown, Res>,
  ): Promise<unknown> {
    const started = process.hrtime.bigint();
    try {
      const response = await this.call(trigger, functionArn, event);
      userPoolTriggerCalls.inc({ trigger, outcome: 'ok' });
      return response;
    } catch (err) {
      const name: string = err instanceof ServiceError ? (err as ServiceError).errorName : '';
      const outcome =
        name === 'UserLambdaValidationException'
          ? 'refused'
          : name === 'InvalidLambdaResponseException'
            ? 'invalid'
            : 'unreachable';
      userPoolTriggerCalls.inc({ trigger, outcome });
      throw err;
    } finally {
      userPoolTriggerDuration.observe({ trigger }, secondsSince(started));
    }
  }

  private async call(
    trigger: TriggerName,
    functionArn: string,
    event: TriggerEvent<unknown, unknown>,
  ): Promise<unknown> {
    const endpoint = endpointOf(this.config, event.userPoolId, functionArn);
    // A function the operator does not configure cannot be called: as a Lambda that does not exist.
    if (!endpoint || !this.config.secret)
      throw TriggerErrors.unexpected(trigger, 'ResourceNotFoundException');
    const body = JSON.stringify(event);
    const headers = signLambdaCall(this.keyOf(endpoint.name, this.config.secret), {
      id: randomUUID(),
      timestamp: Math.floor(Date.now() / 1000),
      functionArn,
      body,
    });
    let status: number;
    let text: string;
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'idfed-user-pool-trigger/1',
          ...headers,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      status = res.status;
      text = await this.readBounded(res);
    } catch (err) {
      if (err instanceof ServiceError) throw err;
      const timedOut = (err as Error).name === 'TimeoutError';
      this.logger.warn(`user pool trigger ${trigger} not reached: ${(err as Error).name}`);
      throw TriggerErrors.unexpected(
        trigger,
        timedOut ? 'Socket timeout while invoking Lambda function' : 'ServiceException',
      );
    }
    if (status >= 200 && status <= 299) return this.responseOf(text);
    if (status >= 400 && status <= 599) {
      const message = errorMessageOf(text);
      if (message !== undefined) throw TriggerErrors.refused(trigger, message);
    }
    this.logger.warn(`user pool trigger ${trigger} answered HTTP ${status}`);
    throw TriggerErrors.unexpected(trigger, 'ServiceException');
  }

  private responseOf(text: string): unknown {
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      throw TriggerErrors.invalidResponse();
    }
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer))
      throw TriggerErrors.invalidResponse();
    const response = (answer as { response?: unknown }).response;
    if (response === undefined || response === null) return {};
    if (typeof response !== 'object' || Array.isArray(response)) throw TriggerErrors.invalidResponse();
    return response;
  }

  private async readBounded(res: Response): Promise<string> {
    const max = this.config.maxAnswerBytes;
    if (Number(res.headers.get('content-length') ?? '0') > max) {
      await res.body?.cancel();
      throw TriggerErrors.invalidResponse();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > max) throw TriggerErrors.invalidResponse();
        chunks.push(chunk);
      }
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** Lambda's error shape, `{"errorMessage": "...", "errorType": "..."}`: the message, if that is what came. */
function errorMessageOf(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as { errorMessage?: unknown }).errorMessage === 'string'
    ) {
      return (parsed as { errorMessage: string }).errorMessage.slice(0, 2048);
    }
  } catch {
    return undefined;
  }
  return undefined;
}
