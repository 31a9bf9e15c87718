// Writes libs/aws-protocol/src/validation/shapes/*.shapes.ts: the input shapes (types, required
// members, lengths, ranges, patterns, enums) of the AWS operations idfed serves, read from
// botocore's service-2.json models. The output is committed so the build needs no network; run this
// again to follow a newer botocore:
//
//   pip download botocore --no-deps -d /tmp/botocore && node scripts/generate-aws-shapes.mjs /tmp/botocore
//
// (the argument is a folder holding a botocore wheel, or an unpacked botocore/data folder).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'libs/aws-protocol/src/validation/shapes');

/**
 * The operations idfed serves, per botocore service. Kept here (not read from libs/contracts) so
 * the script runs without a build; shape-model.spec.ts fails when the two lists drift apart.
 */
const SERVED = {
  'cognito-idp': {
    constant: 'COGNITO_IDP_SHAPES',
    operations: [
      'CreateUserPool',
      'DescribeUserPool',
      'ListUserPools',
      'DeleteUserPool',
      'CreateUserPoolClient',
      'DescribeUserPoolClient',
      'ListUserPoolClients',
      'SignUp',
      'ConfirmSignUp',
      'ResendConfirmationCode',
      'AdminConfirmSignUp',
      'AdminGetUser',
      'AdminDeleteUser',
      'InitiateAuth',
      'RespondToAuthChallenge',
      'GetUser',
      'GlobalSignOut',
      'AdminUserGlobalSignOut',
      'RevokeToken',
      'AdminDisableUser',
      'AdminEnableUser',
      'ForgotPassword',
      'ConfirmForgotPassword',
      'ChangePassword',
      'AdminSetUserPassword',
      'AdminCreateUser',
      'ListUsers',
      'AdminUpdateUserAttributes',
      'UpdateUserAttributes',
      'AdminDeleteUserAttributes',
      'DeleteUserAttributes',
      'VerifyUserAttribute',
      'GetUserAttributeVerificationCode',
      'DeleteUser',
      'AdminInitiateAuth',
      'AdminRespondToAuthChallenge',
      'CreateGroup',
      'GetGroup',
      'UpdateGroup',
      'DeleteGroup',
      'ListGroups',
      'AdminAddUserToGroup',
      'AdminRemoveUserFromGroup',
      'AdminListGroupsForUser',
      'ListUsersInGroup',
    ],
  },
  'cognito-identity': {
    constant: 'COGNITO_IDENTITY_SHAPES',
    operations: [
      'CreateIdentityPool',
      'DescribeIdentityPool',
      'UpdateIdentityPool',
      'ListIdentityPools',
      'DeleteIdentityPool',
      'SetIdentityPoolRoles',
      'GetIdentityPoolRoles',
      'GetId',
      'GetOpenIdToken',
      'GetCredentialsForIdentity',
      'UnlinkIdentity',
      'DescribeIdentity',
      'ListIdentities',
      'DeleteIdentities',
      'LookupDeveloperIdentity',
      'GetOpenIdTokenForDeveloperIdentity',
      'MergeDeveloperIdentities',
      'UnlinkDeveloperIdentity',
    ],
  },
  sts: {
    constant: 'STS_SHAPES',
    operations: ['AssumeRoleWithWebIdentity', 'AssumeRole', 'GetCallerIdentity'],
  },
  iam: {
    constant: 'IAM_SHAPES',
    operations: [
      'CreateRole',
      'GetRole',
      'ListRoles',
      'UpdateRole',
      'UpdateAssumeRolePolicy',
      'DeleteRole',
      'PutRolePolicy',
      'GetRolePolicy',
      'ListRolePolicies',
      'DeleteRolePolicy',
      'CreatePolicy',
      'GetPolicy',
      'DeletePolicy',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'ListAttachedRolePolicies',
      'CreateOpenIDConnectProvider',
      'GetOpenIDConnectProvider',
      'ListOpenIDConnectProviders',
      'DeleteOpenIDConnectProvider',
      'AddClientIDToOpenIDConnectProvider',
      'RemoveClientIDFromOpenIDConnectProvider',
    ],
  },
};

/**
 * Where botocore's model is known to be stricter than the service it describes. Each entry names
 * the shape, the replacement and why.
 */
const OVERRIDES = {
  'cognito-idp': {
    // Cognito accepts inner spaces in passwords (a password may not start or end with one); its
    // API reference gives this pattern, botocore the older `[\S]+`.
    PasswordType: { pattern: '[\\S]+.*[\\S]+|[\\S]' },
  },
};

function dataFolder(arg) {
  if (!arg)
    throw new Error(
      'usage: node scripts/generate-aws-shapes.mjs <folder with a botocore wheel or botocore/data>',
    );
  if (existsSync(join(arg, 'cognito-idp'))) return { data: arg, version: 'unpacked' };
  const wheel = readdirSync(arg).find((f) => /^botocore-.*\.whl$/.test(f));
  if (!wheel) throw new Error(`no botocore wheel in ${arg}`);
  const dir = mkdtempSync(join(tmpdir(), 'botocore-'));
  execFileSync('unzip', ['-q', join(arg, wheel), 'botocore/data/*', '-d', dir]);
  return { data: join(dir, 'botocore/data'), version: wheel.replace(/^botocore-([^-]+)-.*$/, '$1') };
}

function readModel(data, service) {
  const versions = readdirSync(join(data, service))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  const folder = join(data, service, versions[versions.length - 1]);
  const plain = join(folder, 'service-2.json');
  const text = existsSync(plain)
    ? readFileSync(plain, 'utf8')
    : gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8');
  return JSON.parse(text);
}

/** Java's regular expressions as JavaScript ones that compile with the `u` flag (full match). */
function portPattern(pattern, notes, name) {
  const attempts = [
    { source: pattern, flags: 'u' },
    { source: pattern.replace(/^\(\?s\)/, ''), flags: pattern.startsWith('(?s)') ? 'su' : 'u' },
    { source: pattern.replace(/\\([:/])/g, '$1'), flags: 'u' },
  ];
  for (const a of attempts) {
    try {
      new RegExp(`^(?:${a.source})$`, a.flags);
      return a.flags === 'u' ? { pattern: a.source } : { pattern: a.source, patternFlags: a.flags };
    } catch {
      // try the next rewrite
    }
  }
  notes.push(`${name}: pattern ${JSON.stringify(pattern)} has no JavaScript equivalent and is not checked`);
  return {};
}

function compactShape(service, name, shape, notes) {
  const out = { type: shape.type };
  const override = OVERRIDES[service]?.[name] ?? {};
  for (const key of ['min', 'max']) if (shape[key] !== undefined) out[key] = shape[key];
  if (shape.enum) out.enum = shape.enum;
  if (shape.sensitive) out.sensitive = true;
  const pattern = override.pattern ?? shape.pattern;
  if (pattern !== undefined) Object.assign(out, portPattern(pattern, notes, name));
  if (shape.type === 'structure') {
    out.members = Object.fromEntries(Object.entries(shape.members ?? {}).map(([m, ref]) => [m, ref.shape]));
    if (shape.required?.length) out.required = shape.required;
  }
  if (shape.type === 'list') out.member = shape.member.shape;
  if (shape.type === 'map') {
    out.key = shape.key.shape;
    out.value = shape.value.shape;
  }
  return out;
}

function generate(data, version, service, { constant, operations }) {
  const model = readModel(data, service);
  const shapes = {};
  const notes = [];
  const visit = (name) => {
    if (shapes[name]) return;
    const shape = model.shapes[name];
    shapes[name] = compactShape(service, name, shape, notes);
    for (const ref of Object.values(shape.members ?? {})) visit(ref.shape);
    if (shape.member) visit(shape.member.shape);
    if (shape.key) visit(shape.key.shape);
    if (shape.value) visit(shape.value.shape);
  };
  const ops = {};
  for (const op of operations) {
    const definition = model.operations[op];
    if (!definition) throw new Error(`${service} has no operation ${op}`);
    ops[op] = definition.input?.shape ?? null;
    if (ops[op]) visit(ops[op]);
  }
  const sorted = Object.fromEntries(
    Object.keys(shapes)
      .sort()
      .map((k) => [k, shapes[k]]),
  );
  const file = join(outDir, `${service}.shapes.ts`);
  writeFileSync(
    file,
    [
      `// GENERATED by scripts/generate-aws-shapes.mjs: do not edit by hand.`,
      `// Source: botocore ${version}, botocore/data/${service}/${model.metadata.apiVersion}/service-2.json`,
      `// (https://github.com/boto/botocore), Copyright Amazon.com, Inc. or its affiliates, licensed under`,
      `// the Apache License, Version 2.0. Only the input shapes of the operations idfed serves are kept,`,
      `// with their constraints and without documentation.`,
      ...notes.map((n) => `// Note: ${n}.`),
      `import type { ServiceShapes } from '../shape-model';`,
      ``,
      `export const ${constant}: ServiceShapes = ${JSON.stringify(
        { service, protocol: model.metadata.protocol, operations: ops, shapes: sorted },
        null,
        2,
      )};`,
      ``,
    ].join('\n'),
  );
  return file;
}

const { data, version } = dataFolder(process.argv[2]);
const files = Object.entries(SERVED).map(([service, spec]) => generate(data, version, service, spec));
execFileSync(join(root, 'node_modules/.bin/prettier'), ['--write', ...files], { stdio: 'inherit' });
