import { Provider } from '@nestjs/common';
import { AuthSessionUsesRepository } from '../auth/auth-session-uses.repository';
import { MfaCodesRepository } from './mfa-codes.repository';
import { MfaPreferences } from './mfa-preferences';
import { MfaSessions } from './mfa-sessions';
import { MfaSetupUser } from './mfa-setup-user';
import { MfaSignIn } from './mfa-sign-in';
import { OneTimeCodes } from './one-time-codes';
import { SoftwareTokens } from './software-tokens';
import { UserMfaRepository } from './user-mfa.repository';

/** MFA's repositories and the helper classes its use cases and challenge handlers share. */
export const mfaProviders: Provider[] = [
  UserMfaRepository,
  AuthSessionUsesRepository,
  MfaCodesRepository,
  MfaSessions,
  MfaSignIn,
  MfaSetupUser,
  MfaPreferences,
  SoftwareTokens,
  OneTimeCodes,
];
