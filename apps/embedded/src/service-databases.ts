import { randomBytes } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import { dataPath, IdfedEnv, readOrCreateSecretFile, serviceDatabaseUrl } from '@idfed/config';
import { ServiceName } from '@idfed/contracts';
import { defaultRoleName, provisionServiceRoles, roleUrl, ServiceRole } from '@idfed/persistence';
import { CREDENTIAL_VENDING_SCHEMA } from '../../credential-vending/src/database/schema';
import { DEVICE_SYNC_SCHEMA } from '../../device-sync/src/database/schema';
import { FEDERATION_BROKER_SCHEMA } from '../../federation-broker/src/database/schema';
import { USER_DIRECTORY_SCHEMA } from '../../user-directory/src/database/schema';

/** Each service's schema: what its role owns. */
export const SERVICE_SCHEMAS: Record<ServiceName, string> = {
  'user-directory': USER_DIRECTORY_SCHEMA,
  'federation-broker': FEDERATION_BROKER_SCHEMA,
  'credential-vending': CREDENTIAL_VENDING_SCHEMA,
  'device-sync': DEVICE_SYNC_SCHEMA,
};

const SERVICES = Object.keys(SERVICE_SCHEMAS) as ServiceName[];

/**
 * The embedded PostgreSQL's service roles: one per service, its password generated on first start
 * into `<data dir>/postgres-role-<schema>` (0600), beside the cluster owner's password.
 */
function generatedRoles(env: IdfedEnv): Record<ServiceName, ServiceRole> {
  const roles = {} as Record<ServiceName, ServiceRole>;
  for (const service of SERVICES) {
    const schema = SERVICE_SCHEMAS[service];
    const { value } = readOrCreateSecretFile(dataPath(env.dataDir, `postgres-role-${schema}`), () =>
      randomBytes(24).toString('base64url'),
    );
    roles[service] = { schema, role: defaultRoleName(schema), password: value };
  }
  return roles;
}

/** The role and password a service URL names, for provisioning from an operator's URLs. */
function roleOfUrl(service: ServiceName, url: string): ServiceRole {
  const parsed = new URL(url);
  const role = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  if (!role || !password) throw new Error(`the database URL of ${service} must name its role and password`);
  return { schema: SERVICE_SCHEMAS[service], role, password };
}

/**
 * The URL each service connects with, after making sure its role exists:
 *  - embedded PostgreSQL: the launcher is the cluster owner; it provisions a role per service with
 *    a generated password (SCRAM-SHA-256) and hands each service a URL of its own role;
 *  - an external PostgreSQL with IDFED_DATABASE_ADMIN_URL: the roles named by the services' URLs
 *    (IDFED_<SERVICE>_DATABASE_URL) are provisioned with the administrator's URL, which goes no
 *    further than this function;
 *  - an external PostgreSQL without it: the configured URLs, as they are (the operator provisioned).
 */
export async function prepareServiceDatabases(
  env: IdfedEnv,
  clusterOwnerUrl: string | undefined,
  logger: LoggerService,
): Promise<Record<ServiceName, string>> {
  const urls = {} as Record<ServiceName, string>;
  if (clusterOwnerUrl) {
    const roles = generatedRoles(env);
    await provisionServiceRoles(clusterOwnerUrl, Object.values(roles));
    for (const service of SERVICES) urls[service] = roleUrl(clusterOwnerUrl, roles[service]);
    logger.log(
      `PostgreSQL roles ${Object.values(roles)
        .map((r) => r.role)
        .join(', ')} ready (scram-sha-256)`,
    );
    return urls;
  }
  for (const service of SERVICES) {
    const url = serviceDatabaseUrl(env, service);
    if (!url) throw new Error(`no database URL for ${service}: set IDFED_DATABASE_URL or its own`);
    urls[service] = url;
  }
  if (env.databaseAdminUrl) {
    await provisionServiceRoles(
      env.databaseAdminUrl,
      SERVICES.map((s) => roleOfUrl(s, urls[s])),
    );
    logger.log('PostgreSQL service roles provisioned with IDFED_DATABASE_ADMIN_URL');
  }
  return urls;
}
