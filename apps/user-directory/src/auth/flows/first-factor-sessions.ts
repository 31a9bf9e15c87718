import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity } from '../../database/entities';
import { MfaChallengeSession } from '../../mfa/mfa-sessions';
import { UsersRepository } from '../../users/users.repository';

/**
 * The user a challenge session was issued to, named again by the answer's USERNAME: the same user
 * (by sub), or for a decoy session (ADR 0034) the same name typed and still no user. Anything else
 * is an invalid session: a session cannot be re-targeted to another user.
 */
export async function userOfSession(
  users: UsersRepository,
  auth: ClientForAuth,
  session: MfaChallengeSession,
  username: string,
): Promise<UserEntity | undefined> {
  const user = await users.findByName(auth.pool.id, auth.pool.config, username);
  if (session.decoyName !== undefined) {
    if (user || session.decoyName !== username)
      throw CognitoErrors.notAuthorized('Invalid session for the user.');
    return undefined;
  }
  if (!user || user.sub !== session.sub) throw CognitoErrors.notAuthorized('Invalid session for the user.');
  return user;
}
