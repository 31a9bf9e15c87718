import { OutgoingMessage } from '../delivery/message-sender';
import { poolParts, SendingPool } from '../delivery/code-messages';
import { TriggerErrors } from '../triggers/trigger-caller';
import { MigrationAnswer } from '../triggers/user-migration.trigger';

const ADDRESS: Record<'EMAIL' | 'SMS', 'email' | 'phone_number'> = { EMAIL: 'email', SMS: 'phone_number' };

/**
 * The welcome message a UserMigration answer asks for (ADR 0063): none for `messageAction`
 * `SUPPRESS`; otherwise one per `desiredDeliveryMediums` (SMS when it names none, as Cognito
 * documents). Without a medium named, a user with no phone number gets none (AdminCreateUser's
 * rule for its SMS default); a medium named for an address the user does not have makes the answer
 * unusable (InvalidLambdaResponseException, before anything is stored). The message carries no
 * code or password: the migrated user already has theirs (or resets it).
 */
export function welcomeMessages(
  pool: SendingPool,
  username: string,
  answer: Pick<MigrationAnswer, 'messageAction' | 'desiredDeliveryMediums'>,
  attributes: Record<string, string>,
): OutgoingMessage[] {
  if (answer.messageAction === 'SUPPRESS') return [];
  const named = answer.desiredDeliveryMediums?.length
    ? [...new Set(answer.desiredDeliveryMediums)]
    : undefined;
  for (const medium of named ?? []) {
    if (!attributes[ADDRESS[medium]]) throw TriggerErrors.invalidResponse();
  }
  return (named ?? (['SMS'] as const))
    .filter((medium) => attributes[ADDRESS[medium]])
    .map((medium) => ({
      medium,
      to: attributes[ADDRESS[medium]],
      subject: 'Welcome',
      text:
        medium === 'EMAIL'
          ? `Welcome, ${username}. Your account has moved to our new sign-in service: sign in as you did before.`
          : `Welcome, ${username}. Your account has moved: sign in as before.`,
      ...poolParts(medium, pool),
      username,
    }));
}
