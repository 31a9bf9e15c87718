import { Inject, Injectable } from '@nestjs/common';
import { LambdaConfigType } from '@idfed/contracts';
import { UserEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { GroupClaim, groupClaims, TokenOverrides } from '../tokens/token-claims';
import { regionOfPool } from './lambda-endpoints';
import { TriggerCaller, TriggerErrors, TriggerEvent, TriggerName } from './trigger-caller';

/** The pool as the triggers need it: its id and its LambdaConfig. */
export interface TriggerPool {
  id: string;
  config: Pick<PoolConfig, 'lambdaConfig'>;
}

/** Who started the operation: the app client, or none for an administrator's operation. */
export const NO_CLIENT = 'CLIENT_ID_NOT_APPLICABLE';

/** Cognito's awsSdkVersion when it does not know the caller's SDK. */
const UNKNOWN_SDK = 'aws-sdk-unknown-unknown';

export type TokenGenerationSource =
  | 'TokenGeneration_HostedAuth'
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_AuthenticateDevice'
  | 'TokenGeneration_RefreshTokens';

export interface PreSignUpAnswer {
  autoConfirmUser: boolean;
  autoVerifyEmail: boolean;
  autoVerifyPhone: boolean;
}

/** The function ARNs a LambdaConfig names (KMSKeyID names a key, not a function). */
export function triggerArnsOf(config: LambdaConfigType | undefined): string[] {
  if (!config) return [];
  const arns: string[] = [];
  for (const [member, value] of Object.entries(config)) {
    if (member === 'KMSKeyID' || value === undefined) continue;
    arns.push(typeof value === 'string' ? value : (value as { LambdaArn: string }).LambdaArn);
  }
  return arns;
}

/** A user as the events show one: `sub`, the attributes, and `cognito:user_status`. */
export function eventAttributes(
  user: Pick<UserEntity, 'sub' | 'attributes' | 'status'>,
): Record<string, string> {
  return { sub: user.sub, ...user.attributes, 'cognito:user_status': user.status };
}

function attributeMap(list: { Name: string; Value?: string }[] | undefined): Record<string, string> | null {
  if (!list) return null;
  return Object.fromEntries(list.map((a) => [a.Name, a.Value ?? '']));
}

export { attributeMap as eventAttributeMap };

/**
 * The user pool triggers of ADR 0030 as the operations use them: each builds Cognito's event for
 * its trigger, calls it through TriggerCaller when the pool configures it, and reads the answer's
 * `response` into what the operation acts on. A pool without the trigger costs nothing.
 */
@Injectable()
export class UserPoolTriggers {
  constructor(@Inject(TriggerCaller) private readonly caller: TriggerCaller) {}

  private event<Req, Res>(
    pool: TriggerPool,
    version: string,
    triggerSource: string,
    clientId: string,
    userName: string,
    request: Req,
    response: Res,
  ): TriggerEvent<Req, Res> {
    return {
      version,
      triggerSource,
      region: regionOfPool(pool.id),
      userPoolId: pool.id,
      userName,
      callerContext: { awsSdkVersion: UNKNOWN_SDK, clientId },
      request,
      response,
    };
  }

  private arnOf(pool: TriggerPool, trigger: keyof LambdaConfigType): string | undefined {
    const arn = pool.config.lambdaConfig?.[trigger];
    return typeof arn === 'string' ? arn : undefined;
  }

  /** PreSignUp: may refuse the sign-up, confirm the user and verify the email or phone. */
  async preSignUp(
    pool: TriggerPool,
    source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider',
    clientId: string,
    userName: string,
    userAttributes: Record<string, string>,
    validationData: Record<string, string> | null,
    clientMetadata?: Record<string, string>,
  ): Promise<PreSignUpAnswer> {
    const none = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
    const arn = this.arnOf(pool, 'PreSignUp');
    if (!arn) return none;
    const request = { userAttributes, validationData, ...(clientMetadata ? { clientMetadata } : {}) };
    const event = this.event(pool, '1', source, clientId, userName, request, none);
    const response = (await this.caller.invoke('PreSignUp', arn, event)) as Record<string, unknown>;
    const flag = (name: keyof PreSignUpAnswer): boolean => {
      const value = response[name];
      if (value === undefined || value === null) return false;
      if (typeof value !== 'boolean') throw TriggerErrors.invalidResponse();
      return value;
    };
    return {
      autoConfirmUser: flag('autoConfirmUser'),
      autoVerifyEmail: flag('autoVerifyEmail'),
      autoVerifyPhone: flag('autoVerifyPhone'),
    };
  }

  /** PostConfirmation: told the user is confirmed (its answer changes nothing, its failure fails the call). */
  async postConfirmation(
    pool: TriggerPool,
    source: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword',
    clientId: string,
    user: UserEntity,
    clientMetadata?: Record<string, string>,
  ): Promise<void> {
    await this.notify(pool, 'PostConfirmation', source, clientId, user.username, {
      userAttributes: eventAttributes(user),
      ...(clientMetadata ? { clientMetadata } : {}),
    });
  }

  /**
   * PreAuthentication: may refuse a sign-in before the password is checked. A user who does not
   * exist in a client that hides it is sent with `userNotFound: true`, as Cognito sends it, so the
   * trigger cannot make the answers tell users from non-users.
   */
  async preAuthentication(
    pool: TriggerPool,
    clientId: string,
    user: UserEntity | undefined,
    userName: string,
    validationData?: Record<string, string>,
  ): Promise<void> {
    await this.notify(
      pool,
      'PreAuthentication',
      'PreAuthentication_Authentication',
      clientId,
      user?.username ?? userName,
      {
        userAttributes: user ? eventAttributes(user) : {},
        ...(user ? {} : { userNotFound: true }),
        validationData: validationData ?? {},
      },
    );
  }

  /** PostAuthentication: after every factor, before the tokens; its failure means no tokens. */
  async postAuthentication(
    pool: TriggerPool,
    clientId: string,
    user: UserEntity,
    newDeviceUsed: boolean,
    clientMetadata?: Record<string, string>,
  ): Promise<void> {
    await this.notify(
      pool,
      'PostAuthentication',
      'PostAuthentication_Authentication',
      clientId,
      user.username,
      {
        newDeviceUsed,
        userAttributes: eventAttributes(user),
        ...(clientMetadata ? { clientMetadata } : {}),
      },
    );
  }

  private async notify(
    pool: TriggerPool,
    trigger: TriggerName,
    source: string,
    clientId: string,
    userName: string,
    request: Record<string, unknown>,
  ): Promise<void> {
    const arn = this.arnOf(pool, trigger);
    if (!arn) return;
    await this.caller.invoke(trigger, arn, this.event(pool, '1', source, clientId, userName, request, {}));
  }

  /**
   * PreTokenGeneration, V1 (`claimsOverrideDetails`: the ID token's claims and the groups) or V2
   * (`claimsAndScopeOverrideDetails`: both tokens' claims, the access token's scopes, the groups),
   * by the pool's PreTokenGenerationConfig.LambdaVersion (V1 when only PreTokenGeneration is set).
   */
  async preTokenGeneration(
    pool: TriggerPool,
    source: TokenGenerationSource,
    clientId: string,
    user: Pick<UserEntity, 'sub' | 'username' | 'attributes' | 'status'>,
    groups: GroupClaim[] | undefined,
    scopes: string[],
    clientMetadata?: Record<string, string>,
  ): Promise<TokenOverrides | undefined> {
    const config = pool.config.lambdaConfig;
    const arn = config?.PreTokenGenerationConfig?.LambdaArn ?? config?.PreTokenGeneration;
    if (!arn) return undefined;
    const v2 = (config?.PreTokenGenerationConfig?.LambdaVersion ?? 'V1_0') !== 'V1_0';
    const claims = groupClaims(groups).id;
    const groupConfiguration = {
      groupsToOverride: (claims['cognito:groups'] as string[] | undefined) ?? [],
      iamRolesToOverride: (claims['cognito:roles'] as string[] | undefined) ?? [],
      preferredRole: (claims['cognito:preferred_role'] as string | undefined) ?? null,
    };
    const request = {
      userAttributes: eventAttributes(user),
      ...(v2 ? { scopes } : {}),
      groupConfiguration,
      ...(clientMetadata ? { clientMetadata } : {}),
    };
    const response = v2 ? { claimsAndScopeOverrideDetails: null } : { claimsOverrideDetails: null };
    const event = this.event(pool, v2 ? '2' : '1', source, clientId, user.username, request, response);
    const answer = (await this.caller.invoke('PreTokenGeneration', arn, event)) as Record<string, unknown>;
    return v2 ? readV2(answer.claimsAndScopeOverrideDetails) : readV1(answer.claimsOverrideDetails);
  }

  /**
   * PreTokenGeneration for a machine-to-machine token (client_credentials, GetClientToken): only
   * a V3_0 trigger is called for one, with `TokenGeneration_ClientCredentials`, no user (the
   * event's `userName` is `ClientCredentials`, as the developer guide's M2M example), the scopes
   * and the request's client metadata. Only the access token's claims and scopes can change.
   */
  async preTokenGenerationForClient(
    pool: TriggerPool,
    clientId: string,
    scopes: string[],
    clientMetadata?: Record<string, string>,
  ): Promise<TokenOverrides | undefined> {
    const config = pool.config.lambdaConfig?.PreTokenGenerationConfig;
    if (!config?.LambdaArn || config.LambdaVersion !== 'V3_0') return undefined;
    const request = {
      userAttributes: {},
      scopes,
      groupConfiguration: null,
      ...(clientMetadata ? { clientMetadata } : {}),
    };
    const event = this.event(
      pool,
      '3',
      'TokenGeneration_ClientCredentials',
      clientId,
      'ClientCredentials',
      request,
      {
        claimsAndScopeOverrideDetails: null,
      },
    );
    const answer = (await this.caller.invoke('PreTokenGeneration', config.LambdaArn, event)) as Record<
      string,
      unknown
    >;
    const overrides = readV2(answer.claimsAndScopeOverrideDetails);
    if (!overrides) return undefined;
    const { access, scopesToAdd, scopesToSuppress } = overrides;
    return { id: { add: {}, suppress: [] }, access, scopesToAdd, scopesToSuppress };
  }
}

type Json = Record<string, unknown>;

function objectOrNone(value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw TriggerErrors.invalidResponse();
  return value as Json;
}

function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw TriggerErrors.invalidResponse();
  return value as string[];
}

function claimsToAdd(value: unknown, stringsOnly: boolean): Record<string, unknown> {
  const claims = objectOrNone(value) ?? {};
  for (const v of Object.values(claims)) {
    if (stringsOnly ? typeof v !== 'string' : v === undefined) throw TriggerErrors.invalidResponse();
  }
  return claims;
}

function groupsOf(value: unknown): TokenOverrides['groups'] {
  const g = objectOrNone(value);
  if (!g) return undefined;
  const preferredRole = g.preferredRole;
  if (preferredRole !== undefined && preferredRole !== null && typeof preferredRole !== 'string')
    throw TriggerErrors.invalidResponse();
  return {
    groups: strings(g.groupsToOverride),
    roles: strings(g.iamRolesToOverride),
    preferredRole: preferredRole ?? null,
  };
}

function readV1(value: unknown): TokenOverrides | undefined {
  const details = objectOrNone(value);
  if (!details) return undefined;
  const groups = groupsOf(details.groupOverrideDetails);
  return {
    id: {
      add: claimsToAdd(details.claimsToAddOrOverride, true),
      suppress: strings(details.claimsToSuppress),
    },
    access: { add: {}, suppress: [] },
    scopesToAdd: [],
    scopesToSuppress: [],
    ...(groups ? { groups } : {}),
  };
}

function readV2(value: unknown): TokenOverrides | undefined {
  const details = objectOrNone(value);
  if (!details) return undefined;
  const id = objectOrNone(details.idTokenGeneration) ?? {};
  const access = objectOrNone(details.accessTokenGeneration) ?? {};
  const groups = groupsOf(details.groupOverrideDetails);
  return {
    id: { add: claimsToAdd(id.claimsToAddOrOverride, false), suppress: strings(id.claimsToSuppress) },
    access: {
      add: claimsToAdd(access.claimsToAddOrOverride, false),
      suppress: strings(access.claimsToSuppress),
    },
    scopesToAdd: strings(access.scopesToAdd),
    scopesToSuppress: strings(access.scopesToSuppress),
    ...(groups ? { groups } : {}),
  };
}
