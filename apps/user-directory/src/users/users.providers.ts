import { Provider } from '@nestjs/common';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';

/** The users aggregate's repositories and the helper classes its use cases share. */
export const userProviders: Provider[] = [UsersRepository, UserLookup];
