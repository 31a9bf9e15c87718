import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  FederationBrokerOperations,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { randomUUID } from 'node:crypto';

/** What ResourceTags needs of its gateway: idfed's account, and the admin key it reads tags as. */
export interface ResourceTagsSettings {
  accountId: string;
  /** The admin key's id, when the gateway has it; else each lookup names the key it reads for. */
  adminAccessKeyId?: string;
}

/** Nest token of the ResourceTagsSettings a gateway provides. */
export const RESOURCE_TAGS_SETTINGS = Symbol('RESOURCE_TAGS_SETTINGS');

/**
 * How long a resource's tags, once read, stand in for it in decisions (ADR 0066): a tag changed
 * through another gateway replica is seen within this bound; one changed through this replica at
 * once (forget). Short, because a tag can grant access; long enough that a burst of calls on one
 * pool costs one read.
 */
export const RESOURCE_TAGS_TTL_MS = 5_000;
/** Resources remembered at once; the oldest goes first. */
const MAX_ENTRIES = 10_000;

type Tags = readonly { Key: string; Value: string }[];
type Kind =
  | 'userpool'
  | 'identitypool'
  | 'user'
  | 'role'
  | 'policy'
  | 'oidc-provider'
  | 'saml-provider'
  | 'instance-profile'
  | 'server-certificate';

/** The resource types whose tags idfed keeps, recognised by their ARNs. */
const ARNS: readonly [Kind, RegExp][] = [
  ['userpool', /^arn:aws:cognito-idp:([a-z0-9-]+):(\d{12}):userpool\/([\w-]+)$/],
  ['identitypool', /^arn:aws:cognito-identity:([a-z0-9-]+):(\d{12}):identitypool\/([\w-]+:[0-9a-f-]+)$/],
  ['user', /^arn:aws:iam::()(\d{12}):user\/(?:.*\/)?([^/]+)$/],
  ['role', /^arn:aws:iam::()(\d{12}):role\/(?:.*\/)?([^/]+)$/],
  ['policy', /^arn:aws:iam::()(\d{12}):policy\/.+$/],
  ['oidc-provider', /^arn:aws:iam::()(\d{12}):oidc-provider\/.+$/],
  ['saml-provider', /^arn:aws:iam::()(\d{12}):saml-provider\/.+$/],
  ['instance-profile', /^arn:aws:iam::()(\d{12}):instance-profile\/(?:.*\/)?([^/]+)$/],
  ['server-certificate', /^arn:aws:iam::()(\d{12}):server-certificate\/(?:.*\/)?([^/]+)$/],
];

/**
 * `aws:ResourceTag/<key>` of the resource a request acts on, for every resource type idfed serves
 * with tags (ADR 0066): user pools, identity pools, IAM users, roles, managed policies, OIDC and
 * SAML providers; `iam:ResourceTag/<key>` too for IAM users and roles, as IAM's service
 * authorization reference lists it for those. Read on the bus as the admin key (the caller may not
 * be allowed to read the tags), remembered for RESOURCE_TAGS_TTL_MS. One per gateway replica: the
 * HTTP gateway's JSON and Query paths, the gRPC gateway's admin calls and both authorizers.
 */
@Injectable()
export class ResourceTags {
  private readonly cache = new Map<string, { tags: Tags; arn?: string; boundary?: string; until: number }>();

  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(RESOURCE_TAGS_SETTINGS) private readonly settings: ResourceTagsSettings,
  ) {}

  /**
   * The condition keys of `resource`'s tags; none for `*`, another account, or a resource not there.
   * `reader`: the key id the lookup names when the gateway has no admin key (the caller's own).
   */
  async context(action: string, resource: string, reader?: string): Promise<Record<string, string>> {
    return (await this.resolve(action, resource, reader)).context;
  }

  /**
   * The resource as decisions must name it, with its tags' condition keys: an IAM user or role is
   * named by its ARN as stored, path included (a request names it by name alone, which only gives
   * the path `/`); every other resource as given.
   */
  async resolve(
    action: string,
    resource: string,
    reader?: string,
  ): Promise<{ resource: string; context: Record<string, string> }> {
    // These act on a resource not there yet: its tags are the request's (aws:RequestTag).
    if (CREATES.has(action)) return { resource, context: {} };
    const found = this.recognise(resource);
    if (!found) return { resource, context: {} };
    const { tags, arn, boundary } = await this.tagsOf(found.kind, resource, found.region, found.name, reader);
    const out: Record<string, string> = {};
    const iam = found.kind === 'user' || found.kind === 'role';
    for (const t of tags) {
      out[`aws:ResourceTag/${t.Key}`] = t.Value;
      if (iam) out[`iam:ResourceTag/${t.Key}`] = t.Value;
    }
    // The user's or role's boundary as it stands, on the actions AWS lists the key for that do not
    // set one themselves (those name theirs in the request: operationTarget).
    if (iam && boundary && BOUNDARY_HOLDERS.has(action)) out['iam:PermissionsBoundary'] = boundary;
    return { resource: arn ?? resource, context: out };
  }

  /**
   * The context of a decision an asker (POST /authorize, gRPC Authorizer.Authorize) wants on
   * `resource`: when the resource is one idfed keeps tags of, its tags as stored replace any
   * `aws:ResourceTag/*` / `iam:ResourceTag/*` the asker named (any case), so an asker cannot
   * retag idfed's resources for a decision; any other resource's keys are the asker's to give.
   */
  async askedContext<V>(
    action: string,
    resource: string,
    asked: Record<string, V>,
    reader?: string,
  ): Promise<Record<string, V | string>> {
    if (!this.recognise(resource)) return asked;
    const out: Record<string, V | string> = {};
    for (const [key, value] of Object.entries(asked)) {
      if (!RESOURCE_TAG_KEY.test(key)) out[key] = value;
    }
    return { ...out, ...(await this.context(action, resource, reader)) };
  }

  /** Drops what is remembered of `resource`: called once this replica forwarded a change of its tags. */
  forget(resource: string): void {
    this.cache.delete(resource);
  }

  private recognise(resource: string): { kind: Kind; region: string; name: string } | undefined {
    for (const [kind, pattern] of ARNS) {
      const m = pattern.exec(resource);
      if (m) return m[2] === this.settings.accountId ? { kind, region: m[1], name: m[3] ?? '' } : undefined;
    }
    return undefined;
  }

  private async tagsOf(
    kind: Kind,
    arn: string,
    region: string,
    name: string,
    reader: string | undefined,
  ): Promise<{ tags: Tags; arn?: string; boundary?: string }> {
    const now = Date.now();
    const hit = this.cache.get(arn);
    if (hit && hit.until > now) return hit;
    const found = await this.read(kind, arn, region, name, reader);
    if (found === undefined) {
      this.cache.delete(arn);
      return { tags: [] };
    }
    this.cache.delete(arn);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(arn, { ...found, until: now + RESOURCE_TAGS_TTL_MS });
    return found;
  }

  /** The tags as stored, or undefined when there is no such resource (the operation then says so). */
  private async read(
    kind: Kind,
    arn: string,
    region: string,
    name: string,
    reader: string | undefined,
  ): Promise<{ tags: Tags; arn?: string; boundary?: string } | undefined> {
    const tags = await this.readTags(kind, arn, region, name, reader);
    return tags && ('arn' in tags ? tags : { tags });
  }

  /** The tags as stored (and a user's or role's stored ARN), or undefined when there is no such resource. */
  private async readTags(
    kind: Kind,
    arn: string,
    region: string,
    name: string,
    reader: string | undefined,
  ): Promise<Tags | { tags: Tags; arn: string; boundary?: string } | undefined> {
    const accessKeyId = this.settings.adminAccessKeyId ?? reader;
    // No key to read as: no decision on guessed tags (a tag may deny as well as allow).
    if (accessKeyId === undefined) throw new Error('resource tags need the admin key or a reader key');
    const meta: CommandMeta = {
      requestId: randomUUID(),
      caller: { kind: 'admin', accessKeyId },
      ...(region ? { region } : {}),
    };
    const many = { MaxItems: 1000 };
    try {
      switch (kind) {
        case 'userpool':
          return fromMap(
            (await this.bus.request(UserDirectoryOperations.ListTagsForResource, { ResourceArn: arn }, meta))
              .Tags,
          );
        case 'identitypool':
          return fromMap(
            (
              await this.bus.request(
                FederationBrokerOperations.ListTagsForResource,
                { ResourceArn: arn },
                meta,
              )
            ).Tags,
          );
        case 'user': {
          const { User } = await this.bus.request(
            CredentialVendingOperations.GetUser,
            { UserName: name },
            meta,
          );
          return { tags: User.Tags ?? [], arn: User.Arn, ...boundaryOf(User) };
        }
        case 'role': {
          const { Role } = await this.bus.request(
            CredentialVendingOperations.GetRole,
            { RoleName: name },
            meta,
          );
          return { tags: Role.Tags ?? [], arn: Role.Arn, ...boundaryOf(Role) };
        }
        case 'instance-profile': {
          // Named by its stored ARN, path included, as users and roles are (ADR 0085).
          const { InstanceProfile } = await this.bus.request(
            CredentialVendingOperations.GetInstanceProfile,
            { InstanceProfileName: name },
            meta,
          );
          return { tags: InstanceProfile.Tags ?? [], arn: InstanceProfile.Arn };
        }
        case 'server-certificate': {
          const { ServerCertificate } = await this.bus.request(
            CredentialVendingOperations.GetServerCertificate,
            { ServerCertificateName: name },
            meta,
          );
          return {
            tags: ServerCertificate.Tags ?? [],
            arn: ServerCertificate.ServerCertificateMetadata.Arn,
          };
        }
        case 'policy':
          return (
            await this.bus.request(
              CredentialVendingOperations.ListPolicyTags,
              { PolicyArn: arn, ...many },
              meta,
            )
          ).Tags;
        case 'oidc-provider':
          return (
            await this.bus.request(
              CredentialVendingOperations.ListOpenIDConnectProviderTags,
              { OpenIDConnectProviderArn: arn, ...many },
              meta,
            )
          ).Tags;
        case 'saml-provider':
          return (
            await this.bus.request(
              CredentialVendingOperations.ListSAMLProviderTags,
              { SAMLProviderArn: arn, ...many },
              meta,
            )
          ).Tags;
      }
    } catch (err) {
      if (err instanceof CommandFailedError && NOT_THERE.has(err.error.name)) return undefined;
      throw err;
    }
  }
}

const CREATES = new Set([
  'iam:CreateUser',
  'iam:CreateRole',
  'iam:CreatePolicy',
  'iam:CreateOpenIDConnectProvider',
  'iam:CreateSAMLProvider',
  'iam:CreateInstanceProfile',
  'iam:UploadServerCertificate',
]);

/** The IAM actions AWS decides with the target's current boundary as `iam:PermissionsBoundary`. */
const BOUNDARY_HOLDERS = new Set(
  ['User', 'Role'].flatMap((entity) => [
    `iam:Attach${entity}Policy`,
    `iam:Detach${entity}Policy`,
    `iam:Put${entity}Policy`,
    `iam:Delete${entity}Policy`,
    `iam:Delete${entity}PermissionsBoundary`,
  ]),
);

function boundaryOf(entity: { PermissionsBoundary?: { PermissionsBoundaryArn: string } }): {
  boundary?: string;
} {
  const arn = entity.PermissionsBoundary?.PermissionsBoundaryArn;
  return arn ? { boundary: arn } : {};
}

const RESOURCE_TAG_KEY = /^(aws|iam):resourcetag\//i;

/** The names a lookup of a resource that does not exist (or is malformed) answers. */
const NOT_THERE = new Set(['NoSuchEntity', 'ResourceNotFoundException', 'InvalidInput', 'ValidationError']);

function fromMap(tags: Record<string, string> | undefined): Tags {
  return Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
}
