import {
  AdminListUserAuthEventsCommand,
  AuthEventType,
  CognitoIdentityProviderClient,
  SetRiskConfigurationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { eventually } from '../../libs/testing/src/eventually';

/** The block list's refusal (`NotAuthorizedException`), worded as Cognito words it. */
export const BLOCKED_MESSAGE = 'Request not allowed due to security reasons.';

/** Every loopback address the tests call from, in both families. */
export const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128'];

/** Sets the pool's (not a client's) list of blocked address ranges. */
export function blockAddresses(admin: CognitoIdentityProviderClient, poolId: string, ranges: string[]) {
  return admin.send(
    new SetRiskConfigurationCommand({
      UserPoolId: poolId,
      RiskExceptionConfiguration: { BlockedIPRangeList: ranges },
    }),
  );
}

/** The user's auth events once `count` are written (they are written after the answer). */
export function authEventsOf(
  admin: CognitoIdentityProviderClient,
  poolId: string,
  username: string,
  count: number,
): Promise<AuthEventType[]> {
  return eventually(async () => {
    const { AuthEvents } = await admin.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: poolId, Username: username }),
    );
    expect(AuthEvents).toHaveLength(count);
    return AuthEvents!;
  });
}

/** Each event as [type, response, "challenge:response,..."], for one readable expectation. */
export function eventSummary(events: AuthEventType[]): string[][] {
  return events.map((e) => [
    e.EventType ?? '',
    e.EventResponse ?? '',
    (e.ChallengeResponses ?? []).map((c) => `${c.ChallengeName}:${c.ChallengeResponse}`).join(','),
  ]);
}
