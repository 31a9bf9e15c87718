import { randomUUID } from 'node:crypto';
import { CredentialVendingOperations } from '@idfed/contracts';
import { RolePolicies, RolePolicySource } from './authorizer';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { parsePolicy } from '@idfed/policy';

interface Entry {
  value: RolePolicies | undefined;
  fetchedAt: number;
  pending?: Promise<RolePolicies | undefined>;
}

const MAX_ENTRIES = 1000;

/**
 * A role's policies for the authorizer, asked of credential vending and kept `ttlMs` (parsed,
 * so a decision never re-parses a document). A policy change reaches decisions within the TTL.
 */
export class RolePermissionsCache implements RolePolicySource {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly bus: Pick<BusClient, 'request'>,
    private readonly ttlMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  async policiesFor(roleArn: string): Promise<RolePolicies | undefined> {
    const entry = this.entries.get(roleArn);
    if (entry && this.now() - entry.fetchedAt < this.ttlMs) return entry.value;
    if (entry?.pending) return entry.pending;
    const pending = this.fetch(roleArn);
    this.entries.set(roleArn, { value: entry?.value, fetchedAt: entry?.fetchedAt ?? -Infinity, pending });
    try {
      const value = await pending;
      this.entries.delete(roleArn);
      this.entries.set(roleArn, { value, fetchedAt: this.now() });
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      return value;
    } catch (err) {
      this.entries.delete(roleArn);
      throw err;
    }
  }

  private async fetch(roleArn: string): Promise<RolePolicies | undefined> {
    try {
      const result = await this.bus.request(
        CredentialVendingOperations.GetRolePermissions,
        { RoleArn: roleArn },
        { requestId: randomUUID(), caller: { kind: 'anonymous' } },
      );
      return {
        roleId: result.RoleId,
        policies: result.Policies.map((p) => parsePolicy(p.Document, { kind: 'identity', label: p.Label })),
        ...(result.PermissionsBoundary
          ? {
              boundary: parsePolicy(result.PermissionsBoundary.Document, {
                kind: 'identity',
                label: result.PermissionsBoundary.Label,
              }),
            }
          : {}),
        ...(result.Tags?.length ? { tags: result.Tags } : {}),
      };
    } catch (err) {
      if (err instanceof CommandFailedError && err.error.name === 'NoSuchEntity') return undefined;
      throw err;
    }
  }
}
