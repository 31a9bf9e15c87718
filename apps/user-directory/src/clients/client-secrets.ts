import { ClientSecretDescriptorType } from '@idfed/contracts';
import { AppClientSecretEntity } from '../database/entities';

/** How many secrets an app client holds at most, as Cognito allows: the old and the new one. */
export const MAX_CLIENT_SECRETS = 2;

/** A secret as ListUserPoolClientSecrets shows it: never its value. */
export function toClientSecretDescriptor(row: AppClientSecretEntity): ClientSecretDescriptorType {
  return { ClientSecretId: row.id, ClientSecretCreateDate: row.createdAt.getTime() / 1000 };
}
