import { Provider } from '@nestjs/common';
import { ConfirmationLinks } from './confirmation-links';
import { UserConfirmation } from './user-confirmation';
import { UserDeletion } from './user-deletion';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { VerificationCodes } from './verification-codes';
import { VerificationCodesRepository } from './verification-codes.repository';

/** The users aggregate's repositories and the helper classes its use cases share. */
export const userProviders: Provider[] = [
  UsersRepository,
  VerificationCodesRepository,
  UserLookup,
  VerificationCodes,
  UserConfirmation,
  UserDeletion,
  ConfirmationLinks,
];
