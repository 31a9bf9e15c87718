/**
 * Typed proto3 files for the admin operations of user pools, identity pools and IAM, written from
 * botocore's input and output shapes (ADR 0052). Pure: the model, the operations and the field
 * number lock in, the files and the (appended) lock out. scripts/generate-admin-protos.mjs runs it
 * and writes the result; a spec runs it again and compares with what is checked in.
 */

/** One API's typed service: its package, its service name and its file under proto/. */
export interface AdminProtoApi {
  api: 'cognito-idp' | 'cognito-identity' | 'iam';
  pkg: string;
  service: string;
  file: string;
  goPackage: string;
  javaPackage: string;
}

export const ADMIN_PROTO_APIS: readonly AdminProtoApi[] = [
  {
    api: 'cognito-idp',
    pkg: 'idfed.admin.cognitoidp.v1',
    service: 'CognitoIdentityProvider',
    file: 'idfed/admin/cognitoidp/v1/cognito_idp.proto',
    goPackage: 'idfed/gen/admin/cognitoidp/v1;cognitoidpv1',
    javaPackage: 'dev.idfed.admin.cognitoidp.v1',
  },
  {
    api: 'cognito-identity',
    pkg: 'idfed.admin.cognitoidentity.v1',
    service: 'CognitoIdentity',
    file: 'idfed/admin/cognitoidentity/v1/cognito_identity.proto',
    goPackage: 'idfed/gen/admin/cognitoidentity/v1;cognitoidentityv1',
    javaPackage: 'dev.idfed.admin.cognitoidentity.v1',
  },
  {
    api: 'iam',
    pkg: 'idfed.admin.iam.v1',
    service: 'Iam',
    file: 'idfed/admin/iam/v1/iam.proto',
    goPackage: 'idfed/gen/admin/iam/v1;iamv1',
    javaPackage: 'dev.idfed.admin.iam.v1',
  },
];

/** A botocore shape, trimmed to what the proto needs. */
export interface ModelShape {
  type: string;
  members?: Record<string, string>;
  member?: string;
  key?: string;
  value?: string;
  document?: boolean;
}

/** The part of one botocore service-2.json the admin operations reach (checked in beside the script). */
export interface AdminModel {
  api: string;
  botocore: string;
  operations: Record<string, { input?: string; output?: string }>;
  shapes: Record<string, ModelShape>;
}

/** package -> message -> AWS member -> field number; only ever appended to. */
export type FieldNumberLock = Record<string, Record<string, Record<string, number>>>;

interface RawShape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  document?: boolean;
}
interface RawModel {
  operations: Record<string, { input?: { shape: string }; output?: { shape: string } }>;
  shapes: Record<string, RawShape>;
}

/** The admin operations' shapes of a botocore model, every shape they reach and nothing else. */
export function trimModel(api: string, botocore: string, raw: RawModel, operations: string[]): AdminModel {
  const shapes: Record<string, ModelShape> = {};
  const visit = (name: string): void => {
    if (shapes[name]) return;
    const s = raw.shapes[name];
    if (!s) throw new Error(`${api}: no shape ${name}`);
    const t: ModelShape = { type: s.type };
    if (s.document) t.document = true;
    if (s.members) t.members = Object.fromEntries(Object.entries(s.members).map(([m, r]) => [m, r.shape]));
    if (s.member) t.member = s.member.shape;
    if (s.key) t.key = s.key.shape;
    if (s.value) t.value = s.value.shape;
    shapes[name] = t;
    for (const next of [...Object.values(t.members ?? {}), t.member, t.key, t.value]) if (next) visit(next);
  };
  const ops: AdminModel['operations'] = {};
  for (const op of [...operations].sort()) {
    const o = raw.operations[op];
    if (!o) throw new Error(`${api}: botocore has no operation ${op}`);
    ops[op] = {
      ...(o.input ? { input: o.input.shape } : {}),
      ...(o.output ? { output: o.output.shape } : {}),
    };
    if (o.input) visit(o.input.shape);
    if (o.output) visit(o.output.shape);
  }
  const sorted = Object.fromEntries(
    Object.keys(shapes)
      .sort()
      .map((k) => [k, shapes[k]]),
  );
  return { api, botocore, operations: ops, shapes: sorted };
}

const SCALARS: Record<string, string> = {
  string: 'string',
  boolean: 'bool',
  integer: 'int32',
  long: 'int64',
  float: 'float',
  double: 'double',
  blob: 'bytes',
  timestamp: 'google.protobuf.Timestamp',
};

/** `MFAConfiguration` -> `mfa_configuration`, `UserPoolId` -> `user_pool_id`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** The proto files (path under proto/ -> text) and the lock with any new field numbers appended. */
export function generateAdminProtos(
  models: readonly AdminModel[],
  lockIn: FieldNumberLock,
): { files: Record<string, string>; lock: FieldNumberLock } {
  const lock: FieldNumberLock = JSON.parse(JSON.stringify(lockIn)) as FieldNumberLock;
  const files: Record<string, string> = {};
  for (const api of ADMIN_PROTO_APIS) {
    const model = models.find((m) => m.api === api.api);
    if (!model) throw new Error(`no model for ${api.api}`);
    files[api.file] = protoFile(api, model, (lock[api.pkg] ??= {}));
  }
  const sortedLock = Object.fromEntries(
    Object.keys(lock)
      .sort()
      .map((p) => [
        p,
        Object.fromEntries(
          Object.keys(lock[p])
            .sort()
            .map((m) => [m, lock[p][m]]),
        ),
      ]),
  );
  return { files, lock: sortedLock };
}

function protoFile(
  api: AdminProtoApi,
  model: AdminModel,
  lock: Record<string, Record<string, number>>,
): string {
  const messages = new Map<string, string[]>(); // message -> its body lines
  const imports = new Set<string>();
  const shape = (name: string): ModelShape => {
    const s = model.shapes[name];
    if (!s) throw new Error(`${api.api}: no shape ${name} in the checked-in model`);
    return s;
  };
  const typeOf = (name: string, where: string): string => {
    const s = shape(name);
    if (s.document) {
      imports.add('google/protobuf/struct.proto');
      return 'google.protobuf.Value';
    }
    if (s.type === 'structure') {
      message(name);
      return name;
    }
    const scalar = SCALARS[s.type];
    if (!scalar) throw new Error(`${api.api}: ${where} is a ${s.type} inside a list or map: not mapped`);
    if (s.type === 'timestamp') imports.add('google/protobuf/timestamp.proto');
    return scalar;
  };
  const message = (name: string, members?: Record<string, string>): void => {
    if (messages.has(name)) return;
    const body: string[] = [];
    messages.set(name, body);
    const own = members ?? shape(name).members ?? {};
    const numbers = (lock[name] ??= {});
    let next = Math.max(0, ...Object.values(numbers)) + 1;
    const used = new Set<string>();
    for (const member of Object.keys(own)) {
      if (numbers[member] === undefined) numbers[member] = next++;
      let field = snakeCase(member);
      while (used.has(field)) field += '_';
      used.add(field);
      const s = shape(own[member]);
      const where = `${name}.${member}`;
      const opts = `[json_name = "${member}"]`;
      let decl: string;
      if (s.type === 'list') {
        decl = `repeated ${typeOf(s.member as string, where)}`;
      } else if (s.type === 'map') {
        const key = shape(s.key as string);
        if (key.type !== 'string')
          throw new Error(`${api.api}: ${where} has a ${key.type} map key: not mapped`);
        decl = `map<string, ${typeOf(s.value as string, where)}>`;
      } else if (s.type === 'structure' || s.document) {
        decl = typeOf(own[member], where);
      } else {
        const t = typeOf(own[member], where);
        decl = t.startsWith('google.') ? t : `optional ${t}`;
      }
      body.push(`  ${decl} ${field} = ${numbers[member]} ${opts};`);
    }
    const retired = Object.entries(numbers)
      .filter(([m]) => !(m in own))
      .map(([, n]) => n)
      .sort((a, b) => a - b);
    if (retired.length) body.push(`  reserved ${retired.join(', ')};`);
  };
  const rpcs: string[] = [];
  for (const [op, io] of Object.entries(model.operations).sort(([a], [b]) => a.localeCompare(b))) {
    const input = io.input ?? freeName(model, `${op}Request`);
    const output = io.output ?? freeName(model, `${op}Response`);
    message(input, io.input ? undefined : {});
    message(output, io.output ? undefined : {});
    rpcs.push(`  rpc ${op}(${input}) returns (${output});`);
  }
  const out: string[] = [
    '// GENERATED by scripts/generate-admin-protos.mjs from botocore ' +
      model.botocore +
      ': do not edit by hand.',
    `// The ${api.api} admin operations idfed serves, typed: every request and response message is`,
    "// the operation's AWS input or output shape (botocore's models, Apache License 2.0); each field's",
    '// json_name is the AWS member name. Field numbers never change (proto/idfed/admin/field-numbers.lock.json).',
    '// Strings stand for AWS enums (AWS adds values); timestamps are google.protobuf.Timestamp.',
    'syntax = "proto3";',
    '',
    `package ${api.pkg};`,
    '',
    ...[...imports].sort().map((i) => `import "${i}";`),
    ...(imports.size ? [''] : []),
    `option go_package = "${api.goPackage}";`,
    `option java_package = "${api.javaPackage}";`,
    'option java_multiple_files = true;',
    '',
    `service ${api.service} {`,
    ...rpcs,
    '}',
  ];
  for (const name of [...messages.keys()].sort()) {
    const body = messages.get(name) as string[];
    out.push(
      '',
      body.length ? `message ${name} {` : `message ${name} {}`,
      ...body,
      ...(body.length ? ['}'] : []),
    );
  }
  return out.join('\n') + '\n';
}

function freeName(model: AdminModel, name: string): string {
  let n = name;
  while (model.shapes[n]) n = `${n}_`;
  return n;
}

/** The catalog entries this reads (structurally: the lib does not depend on the contracts). */
export interface CatalogEntry {
  name: string;
  access: string;
  surface: { protocol: string; api?: string };
}

/** The operations the typed services serve: the catalog's admin-access ones of the three APIs. */
export function adminOperationNames(
  catalog: readonly CatalogEntry[],
): Record<AdminProtoApi['api'], string[]> {
  const out: Record<string, string[]> = Object.fromEntries(ADMIN_PROTO_APIS.map((a) => [a.api, []]));
  for (const op of catalog) {
    const s = op.surface;
    const api = s.protocol === 'json' || s.protocol === 'query' ? s.api : undefined;
    if (op.access === 'admin' && api && out[api]) out[api].push(op.name);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}
