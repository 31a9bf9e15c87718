import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function uniqueId(prefix: string): string {
  return `${prefix}${[...randomBytes(17)].map((b) => BASE32[b % 32]).join('')}`;
}

/** `AROA` + 17 characters: the shape of an IAM role's unique id. */
export const newRoleId = () => uniqueId('AROA');

/** `ANPA` + 17 characters: the shape of a managed policy's unique id. */
export const newPolicyId = () => uniqueId('ANPA');

/** `AIDA` + 17 characters: the shape of an IAM user's unique id. */
export const newUserId = () => uniqueId('AIDA');

/** `AGPA` + 17 characters: the shape of an IAM group's unique id. */
export const newGroupId = () => uniqueId('AGPA');

/** `AIPA` + 17 characters: the shape of an instance profile's unique id. */
export const newInstanceProfileId = () => uniqueId('AIPA');

/** `ASCA` + 17 characters: the shape of a server certificate's unique id. */
export const newServerCertificateId = () => uniqueId('ASCA');

/** 32 characters of IAM's signing certificate id alphabet (`[\w]+`, 24..128). */
export const newSigningCertificateId = () => `${uniqueId('')}${uniqueId('')}`.slice(0, 32);

/** `APKA` + 17 characters: the shape of an SSH public key's id. */
export const newSshPublicKeyId = () => uniqueId('APKA');

/** `ACCA` + 17 characters: the shape of a service-specific credential's id. */
export const newServiceCredentialId = () => uniqueId('ACCA');
