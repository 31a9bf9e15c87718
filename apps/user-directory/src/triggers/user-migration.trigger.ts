import { Inject, Injectable } from '@nestjs/common';
import { ServiceError } from '@idfed/messaging';
import { regionOfPool } from './lambda-endpoints';
import { TriggerCaller, TriggerErrors, TriggerEvent } from './trigger-caller';
import { TriggerPool } from './user-pool-triggers';

export type UserMigrationSource = 'UserMigration_Authentication' | 'UserMigration_ForgotPassword';

/** What a UserMigration function answered for a user it knows (Cognito's `response` members). */
export interface MigrationAnswer {
  userAttributes: Record<string, string>;
  finalUserStatus: 'CONFIRMED' | 'RESET_REQUIRED';
  messageAction?: 'SUPPRESS' | 'RESEND';
  desiredDeliveryMediums?: ('SMS' | 'EMAIL')[];
  forceAliasCreation: boolean;
  enableSMSMFA: boolean;
}

/** What the operation gives the function: the name and password typed, and the client's data. */
export interface MigrationRequest {
  clientId: string;
  userName: string;
  /** Absent in the forgot-password flow, as Cognito sends it. */
  password?: string;
  validationData?: Record<string, string>;
  clientMetadata?: Record<string, string>;
}

const MEDIUMS = new Set(['SMS', 'EMAIL']);

/**
 * The UserMigration trigger (issue 11 section 4, ADR 0037): Cognito's event for a name that is no
 * user of the pool, at a sign-in that sends the password (`UserMigration_Authentication`, with
 * `request.password`) or at ForgotPassword (`UserMigration_ForgotPassword`, without it). Answers
 * the function's `response` checked member by member, or undefined when the function refused the
 * name (threw: a Lambda error answer). A call that fails otherwise throws ADR 0030's errors.
 */
@Injectable()
export class UserMigrationTrigger {
  constructor(@Inject(TriggerCaller) private readonly caller: TriggerCaller) {}

  /** Whether the pool migrates users (names a UserMigration function). */
  configured(pool: TriggerPool): boolean {
    return typeof pool.config.lambdaConfig?.UserMigration === 'string';
  }

  async lookUp(
    pool: TriggerPool,
    source: UserMigrationSource,
    req: MigrationRequest,
  ): Promise<MigrationAnswer | undefined> {
    const arn = pool.config.lambdaConfig?.UserMigration;
    if (typeof arn !== 'string') return undefined;
    const event: TriggerEvent = {
      version: '1',
      triggerSource: source,
      region: regionOfPool(pool.id),
      userPoolId: pool.id,
      userName: req.userName,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: req.clientId },
      request: {
        ...(req.password !== undefined ? { password: req.password } : {}),
        validationData: req.validationData ?? {},
        ...(req.clientMetadata ? { clientMetadata: req.clientMetadata } : {}),
      },
      response: {
        userAttributes: null,
        finalUserStatus: null,
        messageAction: null,
        desiredDeliveryMediums: null,
        forceAliasCreation: null,
        enableSMSMFA: null,
      },
    };
    let response: Record<string, unknown>;
    try {
      response = (await this.caller.invoke('UserMigration', arn, event)) as Record<string, unknown>;
    } catch (err) {
      if (err instanceof ServiceError && (err as ServiceError).errorName === 'UserLambdaValidationException')
        return undefined;
      throw err;
    }
    return answerOf(response, source);
  }
}

function answerOf(response: Record<string, unknown>, source: UserMigrationSource): MigrationAnswer {
  const invalid = TriggerErrors.invalidResponse;
  const attributes = response.userAttributes;
  // userAttributes is required: a function that answers without it has not migrated anyone.
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) throw invalid();
  const userAttributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') throw invalid();
    userAttributes[name] = value;
  }
  const status = response.finalUserStatus ?? undefined;
  if (status !== undefined && status !== 'CONFIRMED' && status !== 'RESET_REQUIRED') throw invalid();
  const action = response.messageAction ?? undefined;
  if (action !== undefined && action !== 'SUPPRESS' && action !== 'RESEND') throw invalid();
  const mediums = response.desiredDeliveryMediums ?? undefined;
  if (
    mediums !== undefined &&
    (!Array.isArray(mediums) || !mediums.every((m) => typeof m === 'string' && MEDIUMS.has(m)))
  )
    throw invalid();
  const flag = (value: unknown): boolean => {
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') throw invalid();
    return value;
  };
  return {
    userAttributes,
    // Unset: a sign-in confirms the user with the password it proved; a forgotten password, which
    // proved nothing, leaves the user to set one.
    finalUserStatus: status ?? (source === 'UserMigration_Authentication' ? 'CONFIRMED' : 'RESET_REQUIRED'),
    ...(action ? { messageAction: action } : {}),
    ...(mediums ? { desiredDeliveryMediums: mediums as ('SMS' | 'EMAIL')[] } : {}),
    forceAliasCreation: flag(response.forceAliasCreation),
    enableSMSMFA: flag(response.enableSMSMFA),
  };
}
