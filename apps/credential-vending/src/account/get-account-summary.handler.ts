import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, GetAccountSummaryResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { MAX_ATTACHED_POLICIES_PER_GROUP, MAX_GROUPS_PER_USER } from '../groups/group-requests';
import { MAX_ATTACHED_POLICIES_PER_ROLE } from '../roles/role-policy-requests';
import { ACCESS_KEYS_PER_USER, MAX_ATTACHED_POLICIES_PER_USER } from '../users/user-requests';
import { StsPreferencesRepository } from '../credential-reports/sts-preferences.repository';
import { AccountSettingsRepository } from './account-settings.repository';

/**
 * IAM's default quotas (IAM User Guide, "IAM and AWS STS quotas") where idfed enforces none of its
 * own, and idfed's where it does (the attachment, group and access key limits).
 */
const QUOTAS = {
  UsersQuota: 5000,
  GroupsQuota: 300,
  RolesQuota: 1000,
  PoliciesQuota: 1500,
  ServerCertificatesQuota: 20,
  InstanceProfilesQuota: 1000,
  UserPolicySizeQuota: 2048,
  GroupPolicySizeQuota: 5120,
  RolePolicySizeQuota: 10240,
  PolicySizeQuota: 6144,
  AssumeRolePolicySizeQuota: 2048,
  GroupsPerUserQuota: MAX_GROUPS_PER_USER,
  SigningCertificatesPerUserQuota: 2,
  AccessKeysPerUserQuota: ACCESS_KEYS_PER_USER,
  AttachedPoliciesPerGroupQuota: MAX_ATTACHED_POLICIES_PER_GROUP,
  AttachedPoliciesPerRoleQuota: MAX_ATTACHED_POLICIES_PER_ROLE,
  AttachedPoliciesPerUserQuota: MAX_ATTACHED_POLICIES_PER_USER,
  PolicyVersionsInUseQuota: 10000,
  VersionsPerPolicyQuota: 5,
} as const;

/**
 * IAM GetAccountSummary (ADR 0084): the counts of the account's IAM entities as stored now, and
 * IAM's quota keys. The account root (the admin key) has an access key and neither a password nor
 * an MFA device nor a signing certificate in idfed. `PolicyVersionsInUse` counts the managed-policy attachments.
 */
@Injectable()
export class GetAccountSummaryHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetAccountSummary
> {
  constructor(
    @Inject(AccountSettingsRepository) private readonly settings: AccountSettingsRepository,
    @Inject(StsPreferencesRepository) private readonly preferences: StsPreferencesRepository,
  ) {}

  async execute(): Promise<GetAccountSummaryResult> {
    const [c, tokenVersion] = await Promise.all([
      this.settings.counts(),
      this.preferences.globalEndpointTokenVersion(),
    ]);
    return {
      SummaryMap: {
        Users: c.users,
        Groups: c.groups,
        Roles: c.roles,
        Policies: c.policies,
        PolicyVersionsInUse: c.policyAttachments,
        Providers: c.providers,
        MFADevices: c.mfaDevices,
        MFADevicesInUse: c.mfaDevicesInUse,
        ServerCertificates: c.serverCertificates,
        InstanceProfiles: c.instanceProfiles,
        AccountMFAEnabled: 0,
        AccountAccessKeysPresent: 1,
        AccountPasswordPresent: 0,
        AccountSigningCertificatesPresent: 0,
        ...QUOTAS,
        // SetSecurityTokenServicePreferences (ADR 0093): 1 for v1Token, AWS's default, 2 for v2Token.
        GlobalEndpointTokenVersion: tokenVersion === 'v2Token' ? 2 : 1,
      },
    };
  }
}
