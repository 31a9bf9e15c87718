import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AssumedRoleUser,
  Credentials,
  CredentialsIssuedEvent,
  CredentialVendingTopics,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import {
  assumedRoleArn,
  assumedRoleId,
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionClaims,
  SessionTag,
  SessionTokenCodec,
  WebIdentityClaims,
} from '@idfed/session-credentials';
import { Transactions } from '@idfed/persistence';
import { Clock, CLOCK } from '../common/clock';
import { awsTimestamp } from '../common/timestamps';
import { RoleEntity } from '../database/entities';

export interface SessionRequest {
  operation: CredentialsIssuedEvent['operation'];
  role: RoleEntity;
  sessionName: string;
  durationSeconds: number;
  subject: string;
  provider: string;
  audience?: string;
  sessionPolicies: string[];
  webIdentity?: WebIdentityClaims;
  sourceIdentity?: string;
  chained?: boolean;
  /** Session tags and their transitive keys (ADR 0041), validated and trust-checked by the caller. */
  sessionTags?: SessionTag[];
  transitiveTagKeys?: string[];
  /** When the caller's MFA code was accepted (AssumeRole with SerialNumber / TokenCode; ADR 0072). */
  mfaAuthenticatedAt?: number;
  correlationId: string;
}

export interface IssuedSession {
  Credentials: Credentials;
  AssumedRoleUser: AssumedRoleUser;
}

/**
 * Mints temporary credentials for a role session: a fresh ASIA key id and secret, and a session
 * token sealing what verifiers need. The audit event (without secret or token) is written in its
 * own transaction before the credentials are returned: credentials exist only if their record does.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(SessionTokenCodec) private readonly codec: SessionTokenCodec,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async issue(req: SessionRequest): Promise<IssuedSession> {
    const issuedAt = this.now();
    const claims: SessionClaims = {
      accessKeyId: newTemporaryAccessKeyId(),
      secretAccessKey: newSecretAccessKey(),
      roleArn: req.role.arn,
      roleId: req.role.roleId,
      sessionName: req.sessionName,
      subject: req.subject,
      provider: req.provider,
      issuedAt,
      expiresAt: issuedAt + req.durationSeconds * 1000,
      ...(req.sessionPolicies.length ? { sessionPolicies: req.sessionPolicies } : {}),
      ...(req.webIdentity ? { webIdentity: req.webIdentity } : {}),
      ...(req.sourceIdentity ? { sourceIdentity: req.sourceIdentity } : {}),
      ...(req.chained ? { chained: true } : {}),
      ...(req.sessionTags?.length ? { sessionTags: req.sessionTags } : {}),
      ...(req.transitiveTagKeys?.length ? { transitiveTagKeys: req.transitiveTagKeys } : {}),
      ...(req.mfaAuthenticatedAt !== undefined ? { mfaAuthenticatedAt: req.mfaAuthenticatedAt } : {}),
    };
    const sessionArn = assumedRoleArn(claims.roleArn, claims.sessionName);
    const expiration = awsTimestamp(claims.expiresAt);
    const event: CredentialsIssuedEvent = {
      operation: req.operation,
      roleArn: claims.roleArn,
      roleSessionName: claims.sessionName,
      assumedRoleArn: sessionArn,
      accessKeyId: claims.accessKeyId,
      subject: claims.subject,
      provider: claims.provider,
      ...(req.audience !== undefined ? { audience: req.audience } : {}),
      ...(req.sourceIdentity ? { sourceIdentity: req.sourceIdentity } : {}),
      issuedAt: new Date(issuedAt).toISOString(),
      expiration: new Date(claims.expiresAt).toISOString(),
    };
    await this.transactions.run((tx) =>
      this.outbox.add(tx, {
        topic: CredentialVendingTopics.credentialsIssued,
        key: claims.roleArn,
        payload: event,
        correlationId: req.correlationId,
      }),
    );
    this.outbox.nudge();
    return {
      Credentials: {
        AccessKeyId: claims.accessKeyId,
        SecretAccessKey: claims.secretAccessKey,
        SessionToken: this.codec.seal(claims),
        Expiration: expiration,
      },
      AssumedRoleUser: { AssumedRoleId: assumedRoleId(claims.roleId, claims.sessionName), Arn: sessionArn },
    };
  }
}
