import { Inject, Injectable } from '@nestjs/common';
import { RiskConfigurationType, UserContextDataType } from '@idfed/contracts';
import { isIP } from 'node:net';
import { ClientConfig } from '../clients/client-config';
import { ServiceError } from '@idfed/messaging';
import { UserPoolEntity } from '../database/entities';
import { CognitoErrors } from '../common/cognito-errors';
import { inRanges } from './ip-ranges';
import { RiskConfigurationRow, RiskConfigurationsRepository } from './risk-configurations.repository';

export type ThreatProtectionMode = 'OFF' | 'AUDIT' | 'ENFORCED';

/** The refusal of a request from an address in the block list (ADR 0083). */
export const SECURITY_REFUSAL = 'Request not allowed due to security reasons.';

/** Whether `err` is the block list's refusal (the hosted pages show it as it is). */
export function isSecurityRefusal(err: unknown): boolean {
  return (
    err instanceof ServiceError &&
    err.errorName === 'NotAuthorizedException' &&
    (err.getError() as { message?: string }).message === SECURITY_REFUSAL
  );
}

/**
 * The user's address as threat protection sees it (ADR 0089): `UserContextData.IpAddress` when the
 * app client propagates user context data (only a client with a secret may, so the app's back end
 * vouches for it), else the caller's, the socket's peer. A value that is no IP address is ignored.
 */
export function userAddress(
  client: { config: Pick<ClientConfig, 'enablePropagateAdditionalUserContextData'> },
  userContextData: UserContextDataType | undefined,
  callerIp: string | undefined,
): string | undefined {
  const given = userContextData?.IpAddress;
  if (
    client.config.enablePropagateAdditionalUserContextData &&
    typeof given === 'string' &&
    isIP(given) !== 0
  )
    return given;
  return callerIp;
}

/** The pool's threat protection mode, from `UserPoolAddOns` (OFF when never set). */
export function threatProtectionMode(pool: Pick<UserPoolEntity, 'config'>): ThreatProtectionMode {
  return pool.config.userPoolAddOns?.AdvancedSecurityMode ?? 'OFF';
}

/**
 * Whether threat protection covers custom authentication too: `AdvancedSecurityAdditionalFlows`
 * `CustomAuthMode` set (AUDIT or ENFORCED) in a pool whose mode is not OFF. Cognito configures
 * threat protection for custom authentication apart from the standard flows (ADR 0091).
 */
export function coversCustomAuth(pool: Pick<UserPoolEntity, 'config'>): boolean {
  return (
    threatProtectionMode(pool) !== 'OFF' &&
    pool.config.userPoolAddOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode !== undefined
  );
}

/**
 * The refusal of the threat protection operations in a pool whose `AdvancedSecurityMode` is OFF
 * (the name is botocore's for these operations; the wording is idfed's, AWS's not observed).
 */
export function requireThreatProtection(pool: Pick<UserPoolEntity, 'id' | 'config'>): void {
  if (threatProtectionMode(pool) === 'OFF') {
    throw new ServiceError(
      'UserPoolAddOnNotEnabledException',
      `Threat protection (UserPoolAddOns AdvancedSecurityMode) is not enabled for user pool ${pool.id}.`,
    );
  }
}

/** A stored configuration as the wire answers it. */
export function toRiskConfigurationType(row: RiskConfigurationRow): RiskConfigurationType {
  return {
    UserPoolId: row.poolId,
    ...(row.clientId !== null ? { ClientId: row.clientId } : {}),
    ...(row.compromisedCredentials
      ? { CompromisedCredentialsRiskConfiguration: row.compromisedCredentials }
      : {}),
    ...(row.accountTakeover ? { AccountTakeoverRiskConfiguration: row.accountTakeover } : {}),
    ...(row.riskExceptions ? { RiskExceptionConfiguration: row.riskExceptions } : {}),
    LastModifiedDate: row.updatedAt.getTime() / 1000,
  };
}

/**
 * What threat protection idfed acts on at sign-in: the always-block list
 * (`RiskExceptionConfiguration.BlockedIPRangeList`) of the client's configuration (else the pool's)
 * in a pool whose mode is ENFORCED, on every request that signs someone in, signs up or asks for a
 * password reset (the API, the hosted pages). The check runs after the client is found and before any user
 * is looked up, so it costs the same for every user name (one indexed read, in ENFORCED pools
 * only). An address also in `SkippedIPRangeList` is still blocked: the allow list only skips risk
 * detection, which idfed does not do.
 */
@Injectable()
export class BlockedAddresses {
  constructor(@Inject(RiskConfigurationsRepository) private readonly risks: RiskConfigurationsRepository) {}

  async refuseBlocked(pool: UserPoolEntity, clientId: string, sourceIp: string | undefined): Promise<void> {
    if (await this.isBlocked(pool, clientId, sourceIp)) throw CognitoErrors.notAuthorized(SECURITY_REFUSAL);
  }

  /**
   * The same check for the paths whose refusal is no API error (the token endpoint's OAuth error,
   * a federated return's redirect to the app, a silent authorization; ADR 0089, 0091).
   */
  async isBlocked(pool: UserPoolEntity, clientId: string, sourceIp: string | undefined): Promise<boolean> {
    if (threatProtectionMode(pool) !== 'ENFORCED' || !sourceIp) return false;
    const config = await this.risks.effective(pool.id, clientId);
    return inRanges(sourceIp, config?.riskExceptions?.BlockedIPRangeList);
  }
}
