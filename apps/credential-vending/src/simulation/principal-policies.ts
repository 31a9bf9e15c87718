import { Inject, Injectable } from '@nestjs/common';
import { SimulatedPolicy } from '@idfed/policy';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { GroupsRepository } from '../groups/groups.repository';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { RolesRepository } from '../roles/roles.repository';
import { UsersRepository } from '../users/users.repository';
import { PolicySimulation } from './policy-simulation';

export interface PrincipalPolicies {
  identity: SimulatedPolicy[];
  boundary: SimulatedPolicy[];
  /** The principal a resource policy sees: the user itself (IAM simulates resource policies for users). */
  caller?: string;
}

/**
 * The policies of the user, group or role a PolicySourceArn names, as SimulatePrincipalPolicy and
 * GetContextKeysForPrincipalPolicy read them: a user's own inline policies (SourcePolicyType
 * `user`), its groups' inline policies (`group`), the managed policies attached to it or its
 * groups (`user-managed`), and its permissions boundary; a group's own inline and attached
 * policies; a role's, and its boundary. The ARN must be the entity's exact ARN, path included.
 */
@Injectable()
export class PrincipalPolicyReader {
  constructor(
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
    @Inject(ManagedPoliciesRepository) private readonly policies: ManagedPoliciesRepository,
    @Inject(PolicySimulation) private readonly simulation: PolicySimulation,
  ) {}

  async of(arn: string): Promise<PrincipalPolicies> {
    const parsed = this.parse(arn);
    if (parsed.kind === 'user') {
      const user = await this.users.findByName(parsed.name);
      if (!user || user.arn !== arn) throw IamErrors.noSuchUser(parsed.name);
      const stored = await this.users.permissionsOf(user.userId);
      const boundaryText = user.permissionsBoundary
        ? await this.users.defaultDocument(user.permissionsBoundary)
        : undefined;
      return {
        identity: stored.map((p) =>
          this.simulation.stored(
            p.label,
            p.document,
            p.label.startsWith('inline/') ? 'user' : p.label.startsWith('group/') ? 'group' : 'user-managed',
          ),
        ),
        boundary:
          user.permissionsBoundary && boundaryText !== undefined
            ? [this.simulation.stored(user.permissionsBoundary, boundaryText, 'user-managed')]
            : [],
        caller: user.arn,
      };
    }
    if (parsed.kind === 'group') {
      const group = await this.groups.findByName(parsed.name);
      if (!group || group.arn !== arn) throw IamErrors.noSuchGroup(parsed.name);
      const stored = await this.groups.permissionsOf(group.groupId);
      return {
        identity: stored.map((p) =>
          this.simulation.stored(
            p.label,
            p.document,
            p.label.startsWith('inline/') ? 'group' : 'user-managed',
          ),
        ),
        boundary: [],
      };
    }
    const role = await this.roles.findByArn(arn);
    if (!role) throw IamErrors.noSuchRole(parsed.name);
    const inline = await this.roles.inlinePolicies(role.roleId);
    const managed = await this.policies.attachedDocuments(role.roleId);
    const boundary = role.permissionsBoundary
      ? await this.policies.defaultDocuments([role.permissionsBoundary])
      : [];
    return {
      identity: [
        ...inline.map((p) => this.simulation.stored(p.policyName, p.document, 'role')),
        ...managed.map((p) => this.simulation.stored(p.arn, p.document, 'user-managed')),
      ],
      boundary: boundary.map((p) => this.simulation.stored(p.arn, p.document, 'user-managed')),
    };
  }

  private parse(arn: string): { kind: 'user' | 'group' | 'role'; name: string } {
    const prefix = `arn:aws:iam::${this.arns.accountId}:`;
    const m = /^(user|group|role)(\/(?:[\u0021-\u007E]*\/)?)([\w+=,.@-]{1,128})$/.exec(
      arn.startsWith(prefix) ? arn.slice(prefix.length) : '',
    );
    if (!m)
      throw IamErrors.invalidInput(
        `Invalid ARN: ${arn.slice(0, 2048)} is not a user, group or role of this account.`,
      );
    return { kind: m[1] as 'user' | 'group' | 'role', name: m[3] };
  }
}
