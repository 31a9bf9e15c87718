/**
 * The IAM action and resource ARN an operation is decided on when an IAM user signs it, as AWS's
 * service authorization reference defines them: a Cognito user pool operation acts on
 * `arn:aws:cognito-idp:<region>:<account>:userpool/<UserPoolId>`, an identity pool one on
 * `arn:aws:cognito-identity:<region>:<account>:identitypool/<IdentityPoolId>`, an IAM one on the
 * group, user, role, policy or OIDC provider it names; operations that name none (CreateUserPool,
 * ListUserPools, ListUsers...) on `*`. IAM users and roles are named here by the ARN with the
 * default path `/` (or the Path of the CreateUser / CreateRole request); the gateways replace it
 * with the stored ARN, path included, when they look the entity's tags up. Groups keep `/`.
 */
export interface OperationTarget {
  action: string;
  resource: string;
  /**
   * Condition keys the request itself decides: `iam:PolicyARN` for attachments and boundaries;
   * `iam:PermissionsBoundary` for the boundary CreateUser / CreateRole / Put*PermissionsBoundary set;
   * `aws:RequestTag/<key>` and `aws:TagKeys` (multivalued) for IAM requests that carry tags
   * (TagUser, TagRole, CreateUser / CreateRole with Tags...) and `aws:TagKeys` for the Untag ones,
   * as AWS's service authorization reference lists them. `aws:ResourceTag/<key>` and an entity's
   * current `iam:PermissionsBoundary` need a lookup and are added by ResourceTags.
   */
  context: Record<string, string | string[]>;
}

/** The IAM actions whose request names the permissions boundary it sets. */
const BOUNDARY_SETTERS = new Set([
  'CreateUser',
  'CreateRole',
  'PutUserPermissionsBoundary',
  'PutRolePermissionsBoundary',
]);

export function operationTarget(
  prefix: string,
  operation: string,
  payload: unknown,
  region: string,
  accountId: string,
): OperationTarget {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const value = p[name];
    return typeof value === 'string' ? value : undefined;
  };
  const action = `${prefix}:${operation}`;
  switch (prefix) {
    case 'cognito-idp': {
      const pool = text('UserPoolId');
      return {
        action,
        // TagResource, UntagResource, ListTagsForResource name the pool by its ARN.
        resource: pool
          ? `arn:aws:cognito-idp:${region}:${accountId}:userpool/${pool}`
          : (text('ResourceArn') ?? '*'),
        context: {},
      };
    }
    case 'cognito-identity': {
      const pool = text('IdentityPoolId');
      return {
        action,
        resource: pool
          ? `arn:aws:cognito-identity:${region}:${accountId}:identitypool/${pool}`
          : (text('ResourceArn') ?? '*'),
        context: {},
      };
    }
    case 'iam': {
      const iam = `arn:aws:iam::${accountId}`;
      const policyArn = text('PolicyArn') ?? text('PermissionsBoundary');
      // The boundary a request sets (IAM's service authorization reference lists
      // iam:PermissionsBoundary for these): a delegated administrator may be held to one boundary.
      const boundary = BOUNDARY_SETTERS.has(operation) ? text('PermissionsBoundary') : undefined;
      const context: Record<string, string | string[]> = {
        ...(policyArn ? { 'iam:PolicyARN': policyArn } : {}),
        ...(boundary ? { 'iam:PermissionsBoundary': boundary } : {}),
        ...requestTagContext(operation, p),
      };
      // Virtual MFA devices (ADR 0072): creation, deletion and tagging act on the device
      // (`mfa/<path><name>`, its serial number); enabling, resyncing, deactivating and listing a
      // user's devices act on the user, as AWS's service authorization reference has them.
      const mfa =
        operation === 'CreateVirtualMFADevice' && text('VirtualMFADeviceName')
          ? `${iam}:mfa${text('Path') ?? '/'}${text('VirtualMFADeviceName')}`
          : MFA_DEVICE_OPERATIONS.has(operation)
            ? text('SerialNumber')
            : undefined;
      if (mfa) return { action, resource: mfa, context };
      // Instance profiles (ADR 0085) act on the profile, AddRoleToInstanceProfile and
      // RemoveRoleFromInstanceProfile included (AWS's service authorization reference); the path is
      // the request's for CreateInstanceProfile, else `/` until the gateway reads the stored ARN.
      // Server certificates (ADR 0085) likewise act on the certificate, `server-certificate<path><name>`.
      const certificate = text('ServerCertificateName');
      if (certificate)
        return {
          action,
          resource: `${iam}:server-certificate${creationPath(operation, 'UploadServerCertificate', text('Path'))}${certificate}`,
          context,
        };
      const profile = text('InstanceProfileName');
      if (profile)
        return {
          action,
          resource: `${iam}:instance-profile${creationPath(operation, 'CreateInstanceProfile', text('Path'))}${profile}`,
          context,
        };
      const user = text('UserName');
      const role = text('RoleName');
      // Group operations act on the group, membership changes included (AddUserToGroup,
      // RemoveUserFromGroup name the group as their resource in AWS's reference); ListGroupsForUser
      // acts on the user.
      const group = operation === 'ListGroupsForUser' ? undefined : text('GroupName');
      const oidc = text('OpenIDConnectProviderArn') ?? text('SAMLProviderArn');
      // SimulatePrincipalPolicy and GetContextKeysForPrincipalPolicy act on the user, group or role
      // whose policies they read (AWS's service authorization reference).
      const source = /^(SimulatePrincipalPolicy|GetContextKeysForPrincipalPolicy)$/.test(operation)
        ? text('PolicySourceArn')
        : undefined;
      const resource = source
        ? source
        : group
          ? `${iam}:group/${group}`
          : user
            ? `${iam}:user${creationPath(operation, 'CreateUser', text('Path'))}${user}`
            : role
              ? `${iam}:role${creationPath(operation, 'CreateRole', text('Path'))}${role}`
              : oidc
                ? oidc
                : policyArn &&
                    /Polic(y|ies)/.test(operation) &&
                    (!operation.startsWith('List') || operation === 'ListPolicyTags')
                  ? policyArn
                  : operation === 'CreatePolicy' && text('PolicyName')
                    ? `${iam}:policy${text('Path') ?? '/'}${text('PolicyName')}`
                    : '*';
      return { action, resource, context };
    }
    default:
      return { action, resource: '*', context: {} };
  }
}

const MFA_DEVICE_OPERATIONS: ReadonlySet<string> = new Set([
  'DeleteVirtualMFADevice',
  'TagMFADevice',
  'UntagMFADevice',
  'ListMFADeviceTags',
]);

/**
 * `aws:RequestTag/<key>` for each tag an IAM request carries and `aws:TagKeys` for their keys (or,
 * for an Untag operation, the keys it removes). A request without tags has neither key, so a
 * policy conditioned on them does not match (AWS: a missing key fails every operator but the
 * ...IfExists ones and ForAllValues).
 */
function requestTagContext(operation: string, p: Record<string, unknown>): Record<string, string | string[]> {
  if (operation.startsWith('Untag')) {
    const keys = asList(p.TagKeys).filter((k): k is string => typeof k === 'string');
    return keys.length ? { 'aws:TagKeys': keys } : {};
  }
  const tags = asList(p.Tags).filter(
    (t): t is { Key: string; Value?: unknown } =>
      typeof t === 'object' && t !== null && typeof (t as { Key?: unknown }).Key === 'string',
  );
  if (!tags.length) return {};
  const out: Record<string, string | string[]> = {};
  for (const t of tags) out[`aws:RequestTag/${t.Key}`] = typeof t.Value === 'string' ? t.Value : '';
  out['aws:TagKeys'] = tags.map((t) => t.Key);
  return out;
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/**
 * The role an IAM request hands to a service, which AWS also decides as `iam:PassRole` on the role
 * (AddRoleToInstanceProfile: "The caller of this operation must be granted the PassRole
 * permission on the IAM role"); undefined for every other request.
 */
export function passedRoleOf(operation: string, payload: unknown, accountId: string): string | undefined {
  if (operation !== 'AddRoleToInstanceProfile') return undefined;
  const role = (typeof payload === 'object' && payload !== null ? payload : {}) as { RoleName?: unknown };
  return typeof role.RoleName === 'string' ? `arn:aws:iam::${accountId}:role/${role.RoleName}` : undefined;
}

/**
 * UpdateServerCertificate's second resource: "the principal must have permission to change the
 * server certificate with the old name and the new name" (IAM API reference). `current` is the
 * certificate's ARN as decided (its stored path); undefined when the request changes neither.
 */
export function renamedServerCertificateOf(
  operation: string,
  payload: unknown,
  current: string,
): string | undefined {
  if (operation !== 'UpdateServerCertificate') return undefined;
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const m = /^(arn:aws:iam::\d{12}:server-certificate)(\/(?:.*\/)?)([^/]+)$/.exec(current);
  if (!m) return undefined;
  const path = typeof p.NewPath === 'string' ? p.NewPath : m[2];
  const name = typeof p.NewServerCertificateName === 'string' ? p.NewServerCertificateName : m[3];
  const renamed = `${m[1]}${path}${name}`;
  return renamed === current ? undefined : renamed;
}

/** IAM operations whose UserName defaults to the signing IAM user (IAM API reference). */
const CALLER_DEFAULTED = new Set([
  'GetUser',
  'CreateAccessKey',
  'ListAccessKeys',
  'UpdateAccessKey',
  'DeleteAccessKey',
  // An IAM user's own MFA devices (ADR 0072).
  'ListMFADevices',
  'DeactivateMFADevice',
  'GetMFADevice',
  // An IAM user's own console password (ADR 0084).
  'CreateLoginProfile',
  'GetLoginProfile',
  'DeleteLoginProfile',
  'ChangePassword',
  // An IAM user's own signing certificates (ADR 0085).
  'UploadSigningCertificate',
  'ListSigningCertificates',
  'UpdateSigningCertificate',
  'DeleteSigningCertificate',
  'ListSSHPublicKeys',
  'ListServiceSpecificCredentials',
  'ResetServiceSpecificCredential',
  'UpdateServiceSpecificCredential',
  'DeleteServiceSpecificCredential',
]);

/**
 * The payload an IAM operation is decided on when an IAM user signs it: without UserName, the
 * operations that act on the caller name the caller, so the decision is on its own user ARN (as
 * AWS decides `iam:GetUser` without a name) rather than `*`. The forwarded request is unchanged.
 */
export function decidedPayload(
  operation: string,
  payload: unknown,
  callerUserName: string | undefined,
): unknown {
  if (!callerUserName || !CALLER_DEFAULTED.has(operation)) return payload;
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  return p.UserName === undefined ? { ...p, UserName: callerUserName } : payload;
}

/**
 * The path in the ARN of an IAM user or role being created: the request's own `Path` (default
 * `/`). Other operations name an existing entity by name only; the gateways look its stored ARN
 * up (ResourceTags.resolve), so `/` here is only a stand-in.
 */
function creationPath(operation: string, creation: string, path: string | undefined): string {
  return operation === creation && path && /^\/(?:[\u0021-\u007E]*\/)?$/.test(path) ? path : '/';
}
