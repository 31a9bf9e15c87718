import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { ADMIN_PROTO_APIS } from '@idfed/aws-protocol';

/** The checked-in protos, one package per service under `idfed.`, relative to the proto root. */
export const IDFED_PROTO_FILES = [
  'idfed/tokens/v1/tokens.proto',
  'idfed/authorizer/v1/authorizer.proto',
  'idfed/events/v1/events.proto',
  'idfed/userdirectory/v1/user_directory.proto',
  'idfed/admin/v1/admin.proto',
  // The typed admin services generated from botocore's shapes (ADR 0052).
  ...ADMIN_PROTO_APIS.map((a) => a.file),
] as const;

/**
 * The repository's `proto/` directory, found upwards from this file: it is two levels higher from
 * the compiled file in `dist/` than from the source, and the container image copies it beside
 * `dist/`.
 */
export function protoRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'proto', 'idfed'))) return join(dir, 'proto');
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no proto/idfed directory above ${from}`);
    dir = parent;
  }
}

/** How every message is read: field names camelCased, 64-bit integers as numbers, enums as names. */
const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  arrays: true,
  oneofs: true,
};

let loaded: protoLoader.PackageDefinition | undefined;

/**
 * idfed's services and grpc.health.v1, loaded once per process (the typed admin protos take a
 * while to load: ADR 0052): the server's definitions and reflection's, read-only.
 */
export function loadProtos(): protoLoader.PackageDefinition {
  const root = protoRoot();
  return (loaded ??= protoLoader.loadSync([...IDFED_PROTO_FILES.map((f) => join(root, f)), healthProtoPath], {
    ...LOADER_OPTIONS,
    includeDirs: [root, dirname(healthProtoPath)],
  }));
}
