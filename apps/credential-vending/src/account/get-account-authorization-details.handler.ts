import { Inject, Injectable } from '@nestjs/common';
import {
  AttachedPermissionsBoundaryDetail,
  AttachedPolicyDetail,
  CredentialVendingOperations,
  EntityType,
  GetAccountAuthorizationDetailsRequest,
  GetAccountAuthorizationDetailsResult,
  GroupDetail,
  ManagedPolicyDetail,
  PolicyDetail,
  RoleDetail,
  UserDetail,
} from '@idfed/contracts';
import { Transaction, Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { urlEncodedDocument } from '../common/policy-documents';
import { awsTimestamp } from '../common/timestamps';
import { RequestValidator } from '../common/validate';
import { toInstanceProfile } from '../instance-profiles/instance-profiles';
import { InstanceProfilesRepository } from '../instance-profiles/instance-profiles.repository';
import { RoleEntity } from '../database/entities';
import {
  AuthorizationDetailsRepository,
  AuthorizationSnapshot,
  OwnedRow,
} from './authorization-details.repository';

const ENTITY_TYPES: readonly EntityType[] = [
  'User',
  'Role',
  'Group',
  'LocalManagedPolicy',
  'AWSManagedPolicy',
];

type Item =
  | { kind: 'user'; detail: UserDetail }
  | { kind: 'group'; detail: GroupDetail }
  | { kind: 'role'; detail: RoleDetail; role: RoleEntity }
  | { kind: 'policy'; detail: ManagedPolicyDetail };

function byOwner(rows: OwnedRow[]): Map<string, OwnedRow[]> {
  const out = new Map<string, OwnedRow[]>();
  for (const r of rows) out.set(r.owner, [...(out.get(r.owner) ?? []), r]);
  return out;
}
const inline = (rows: OwnedRow[] | undefined): PolicyDetail[] =>
  (rows ?? []).map((r) => ({ PolicyName: r.name, PolicyDocument: urlEncodedDocument(r.value) }));
const attached = (rows: OwnedRow[] | undefined): AttachedPolicyDetail[] =>
  (rows ?? []).map((r) => ({ PolicyName: r.name, PolicyArn: r.value }));
const boundary = (arn: string | null): { PermissionsBoundary?: AttachedPermissionsBoundaryDetail } =>
  arn
    ? {
        PermissionsBoundary: {
          PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
          PermissionsBoundaryArn: arn,
        },
      }
    : {};

/**
 * IAM GetAccountAuthorizationDetails (ADR 0084): the account's users, groups, roles and customer
 * managed policies with their inline policies (URL-encoded), attachments, memberships, boundaries,
 * tags and every policy version, read in one transaction. `Filter` keeps the entity types named
 * (`AWSManagedPolicy` finds none: idfed has no AWS managed policies); the entities are paged in
 * that order by `MaxItems` (100 by default) and an opaque `Marker`. Each role's
 * `InstanceProfileList` holds the profiles holding it (ADR 0085), read for the page's roles in one
 * statement of the same transaction. idfed does not record a role's last use.
 */
@Injectable()
export class GetAccountAuthorizationDetailsHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetAccountAuthorizationDetails
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AuthorizationDetailsRepository) private readonly details: AuthorizationDetailsRepository,
    @Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository,
  ) {}

  async execute(req: GetAccountAuthorizationDetailsRequest): Promise<GetAccountAuthorizationDetailsResult> {
    RequestValidator.of(req)
      .enumList('Filter', ENTITY_TYPES)
      .integer('MaxItems', { min: 1, max: 1000 })
      .string('Marker', { min: 1, max: 320, pattern: /^[\u0020-\u00FF]+$/ })
      .check();
    const after = decodeMarker(req.Marker);
    const start = after === undefined ? 0 : Number(after);
    if (!Number.isSafeInteger(start) || start < 0) throw IamErrors.validation('Invalid Marker.');
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const wanted = new Set<EntityType>(req.Filter?.length ? req.Filter : ENTITY_TYPES);
    const { page, truncated } = await this.transactions.run(async (tx) => {
      const items = this.items(await this.details.snapshot(tx), wanted);
      const page = items.slice(start, start + max);
      await this.addInstanceProfiles(page, tx);
      return { page, truncated: start + max < items.length };
    });
    const of = <K extends Item['kind']>(kind: K) =>
      page.filter((i): i is Extract<Item, { kind: K }> => i.kind === kind).map((i) => i.detail);
    return {
      UserDetailList: of('user') as UserDetail[],
      GroupDetailList: of('group') as GroupDetail[],
      RoleDetailList: of('role') as RoleDetail[],
      Policies: of('policy') as ManagedPolicyDetail[],
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(String(start + max)) } : {}),
    };
  }

  /** Fills each role's InstanceProfileList, every profile of the page's roles read at once. */
  private async addInstanceProfiles(page: Item[], tx: Transaction): Promise<void> {
    const roles = page.filter((i): i is Extract<Item, { kind: 'role' }> => i.kind === 'role');
    const profiles = await this.profiles.holdingRoles(
      roles.map((r) => r.role.roleId),
      tx,
    );
    for (const { detail, role } of roles) {
      detail.InstanceProfileList = profiles
        .filter((p) => p.roleId === role.roleId)
        .map((p) => toInstanceProfile(p, role, { tags: true }));
    }
  }

  private items(s: AuthorizationSnapshot, wanted: Set<EntityType>): Item[] {
    const items: Item[] = [];
    if (wanted.has('User')) {
      const policies = byOwner(s.userPolicies);
      const attachments = byOwner(s.userAttachments);
      const groups = byOwner(s.userGroups);
      for (const u of s.users) {
        items.push({
          kind: 'user',
          detail: {
            Path: u.path,
            UserName: u.name,
            UserId: u.id,
            Arn: u.arn,
            CreateDate: awsTimestamp(u.created_at),
            UserPolicyList: inline(policies.get(u.id)),
            GroupList: (groups.get(u.id) ?? []).map((g) => g.name),
            AttachedManagedPolicies: attached(attachments.get(u.id)),
            ...boundary(u.permissions_boundary),
            ...(u.tags.length ? { Tags: u.tags } : {}),
          },
        });
      }
    }
    if (wanted.has('Group')) {
      const policies = byOwner(s.groupPolicies);
      const attachments = byOwner(s.groupAttachments);
      for (const g of s.groups) {
        items.push({
          kind: 'group',
          detail: {
            Path: g.path,
            GroupName: g.name,
            GroupId: g.id,
            Arn: g.arn,
            CreateDate: awsTimestamp(g.created_at),
            GroupPolicyList: inline(policies.get(g.id)),
            AttachedManagedPolicies: attached(attachments.get(g.id)),
          },
        });
      }
    }
    if (wanted.has('Role')) {
      const policies = byOwner(s.rolePolicies);
      const attachments = byOwner(s.roleAttachments);
      for (const r of s.roles) {
        items.push({
          kind: 'role',
          role: r,
          detail: {
            Path: r.path,
            RoleName: r.name,
            RoleId: r.roleId,
            Arn: r.arn,
            CreateDate: awsTimestamp(r.createdAt),
            AssumeRolePolicyDocument: urlEncodedDocument(r.assumeRolePolicy),
            InstanceProfileList: [],
            RolePolicyList: inline(policies.get(r.roleId)),
            AttachedManagedPolicies: attached(attachments.get(r.roleId)),
            ...boundary(r.permissionsBoundary ?? null),
            ...(r.tags.length ? { Tags: r.tags } : {}),
          },
        });
      }
    }
    if (wanted.has('LocalManagedPolicy')) {
      const attachedArns = [...s.userAttachments, ...s.groupAttachments, ...s.roleAttachments].map(
        (a) => a.value,
      );
      const boundaries = [
        ...s.users.map((u) => u.permissions_boundary),
        ...s.roles.map((r) => r.permissionsBoundary),
      ];
      for (const p of s.policies) {
        items.push({
          kind: 'policy',
          detail: {
            PolicyName: p.name,
            PolicyId: p.id,
            Arn: p.arn,
            Path: p.path,
            DefaultVersionId: p.default_version_id,
            AttachmentCount: attachedArns.filter((arn) => arn === p.arn).length,
            PermissionsBoundaryUsageCount: boundaries.filter((arn) => arn === p.arn).length,
            IsAttachable: true,
            ...(p.description ? { Description: p.description } : {}),
            CreateDate: awsTimestamp(p.created_at),
            UpdateDate: awsTimestamp(p.updated_at),
            PolicyVersionList: s.versions
              .filter((v) => v.policy_id === p.id)
              .map((v) => ({
                Document: urlEncodedDocument(v.document),
                VersionId: v.version_id,
                IsDefaultVersion: v.version_id === p.default_version_id,
                CreateDate: awsTimestamp(v.created_at),
              })),
          },
        });
      }
    }
    return items;
  }
}
