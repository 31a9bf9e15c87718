import { Inject, Injectable } from '@nestjs/common';
import { CognitoErrors } from '../common/cognito-errors';
import { regionOfPool } from './lambda-endpoints';
import { AuthChallengeTriggerName, TriggerCaller, TriggerErrors, TriggerEvent } from './trigger-caller';
import { TriggerPool } from './user-pool-triggers';

/** Cognito's awsSdkVersion when it does not know the caller's SDK. */
const UNKNOWN_SDK = 'aws-sdk-unknown-unknown';

/** One challenge of a custom sign-in so far, as the `session` list of the events carries it. */
export interface ChallengeResult {
  challengeName: string;
  challengeResult: boolean;
  /** What CreateAuthChallenge named the challenge with (CUSTOM_CHALLENGE only). */
  challengeMetadata?: string;
}

/**
 * Who a custom sign-in is for, as the events tell the functions: the user's name and attributes,
 * or, for a name without a user in a client that hides that, the name typed, no attributes and
 * `userNotFound: true`. `userNotFound` is sent only where the client has PreventUserExistenceErrors
 * ENABLED, as Cognito sends it.
 */
export interface ChallengeSubject {
  userName: string;
  userAttributes: Record<string, string>;
  userNotFound?: boolean;
}

/** DefineAuthChallenge's decision. */
export interface DefineAnswer {
  challengeName?: string;
  issueTokens: boolean;
  failAuthentication: boolean;
}

/** CreateAuthChallenge's challenge: what the app is shown, what the verifier is given. */
export interface CreatedChallenge {
  publicChallengeParameters: Record<string, string>;
  privateChallengeParameters: Record<string, string>;
  challengeMetadata?: string;
}

/** The error Cognito answers CUSTOM_AUTH with when the pool lacks one of the three functions. */
export function customAuthNotConfigured() {
  return CognitoErrors.invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
}

/**
 * The three triggers of the CUSTOM_AUTH flow (ADR 0036) on ADR 0030's HTTP endpoints:
 * DefineAuthChallenge decides the next step from the challenges so far, CreateAuthChallenge makes a
 * CUSTOM_CHALLENGE, VerifyAuthChallengeResponse judges the answer. Each builds Cognito's event,
 * calls the pool's function and reads the fields of `response` it acts on, refusing any of the
 * wrong type with InvalidLambdaResponseException.
 */
@Injectable()
export class AuthChallengeTriggers {
  constructor(@Inject(TriggerCaller) private readonly caller: TriggerCaller) {}

  /** Whether the pool names all three functions (CUSTOM_AUTH needs them). */
  static configured(pool: TriggerPool): boolean {
    const config = pool.config.lambdaConfig;
    return !!(
      config?.DefineAuthChallenge &&
      config.CreateAuthChallenge &&
      config.VerifyAuthChallengeResponse
    );
  }

  async define(
    pool: TriggerPool,
    clientId: string,
    subject: ChallengeSubject,
    session: ChallengeResult[],
    clientMetadata?: Record<string, string>,
  ): Promise<DefineAnswer> {
    const response = await this.call(
      pool,
      'DefineAuthChallenge',
      clientId,
      subject,
      { session, ...(clientMetadata ? { clientMetadata } : {}) },
      { challengeName: null, issueTokens: false, failAuthentication: false },
    );
    const challengeName = optionalString(response.challengeName);
    return {
      ...(challengeName ? { challengeName } : {}),
      issueTokens: flag(response.issueTokens),
      failAuthentication: flag(response.failAuthentication),
    };
  }

  async create(
    pool: TriggerPool,
    clientId: string,
    subject: ChallengeSubject,
    challengeName: string,
    session: ChallengeResult[],
    clientMetadata?: Record<string, string>,
  ): Promise<CreatedChallenge> {
    const response = await this.call(
      pool,
      'CreateAuthChallenge',
      clientId,
      subject,
      { challengeName, session, ...(clientMetadata ? { clientMetadata } : {}) },
      { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
    );
    const challengeMetadata = optionalString(response.challengeMetadata);
    return {
      publicChallengeParameters: stringMap(response.publicChallengeParameters),
      privateChallengeParameters: stringMap(response.privateChallengeParameters),
      ...(challengeMetadata !== undefined ? { challengeMetadata } : {}),
    };
  }

  /** Whether the answer is right, as the function says. */
  async verify(
    pool: TriggerPool,
    clientId: string,
    subject: ChallengeSubject,
    privateChallengeParameters: Record<string, string>,
    challengeAnswer: string,
    clientMetadata?: Record<string, string>,
  ): Promise<boolean> {
    const response = await this.call(
      pool,
      'VerifyAuthChallengeResponse',
      clientId,
      subject,
      { privateChallengeParameters, challengeAnswer, ...(clientMetadata ? { clientMetadata } : {}) },
      { answerCorrect: null },
    );
    return flag(response.answerCorrect);
  }

  private async call(
    pool: TriggerPool,
    trigger: AuthChallengeTriggerName,
    clientId: string,
    subject: ChallengeSubject,
    request: Record<string, unknown>,
    response: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const arn = pool.config.lambdaConfig?.[trigger];
    if (typeof arn !== 'string') throw customAuthNotConfigured();
    const event: TriggerEvent = {
      version: '1',
      triggerSource: `${trigger}_Authentication`,
      region: regionOfPool(pool.id),
      userPoolId: pool.id,
      userName: subject.userName,
      callerContext: { awsSdkVersion: UNKNOWN_SDK, clientId },
      request: {
        userAttributes: subject.userAttributes,
        ...request,
        ...(subject.userNotFound !== undefined ? { userNotFound: subject.userNotFound } : {}),
      },
      response,
    };
    return (await this.caller.invoke(trigger, arn, event)) as Record<string, unknown>;
  }
}

function flag(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw TriggerErrors.invalidResponse();
  return value;
}

function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw TriggerErrors.invalidResponse();
  return value;
}

function stringMap(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw TriggerErrors.invalidResponse();
  const map = value as Record<string, unknown>;
  if (Object.values(map).some((v) => typeof v !== 'string')) throw TriggerErrors.invalidResponse();
  return map as Record<string, string>;
}
