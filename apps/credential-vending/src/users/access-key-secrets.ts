import { UserAccessKeySealer } from '@idfed/session-credentials';

/** The sealer of IAM users' secret access keys, provided once by the module (ADR 0033). */
export class AccessKeySecrets extends UserAccessKeySealer {}
