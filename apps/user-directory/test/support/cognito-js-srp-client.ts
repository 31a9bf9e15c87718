import { createHmac } from 'node:crypto';
import * as cognito from 'amazon-cognito-identity-js';

/** The parts of amazon-cognito-identity-js's SRP helper its type declarations leave out. */
interface BigIntegerLike {
  toString(radix: number): string;
}
interface AuthenticationHelperLike {
  getLargeAValue(cb: (err: Error | null, A: BigIntegerLike) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    B: BigIntegerLike,
    salt: BigIntegerLike,
    cb: (err: Error | null, hkdf: Uint8Array) => void,
  ): void;
}

const lib = cognito as unknown as {
  AuthenticationHelper: new (poolName: string) => AuthenticationHelperLike;
  DateHelper: new () => { getNowString(): string };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default as new (
  hex: string,
  radix: number,
) => BigIntegerLike;

/**
 * The client half of USER_SRP_AUTH, computed by amazon-cognito-identity-js itself (the library
 * Amplify and countless apps sign in with), so tests prove idfed against the real client math.
 */
export class CognitoJsSrpClient {
  private readonly helper: AuthenticationHelperLike;

  constructor(private readonly poolName: string) {
    this.helper = new lib.AuthenticationHelper(poolName);
  }

  srpA(): Promise<string> {
    return new Promise((resolve, reject) =>
      this.helper.getLargeAValue((err, A) => (err ? reject(err) : resolve(A.toString(16)))),
    );
  }

  /** The PASSWORD_VERIFIER answer for the server's ChallengeParameters. */
  async respond(
    challenge: Record<string, string>,
    password: string,
    timestamp = new lib.DateHelper().getNowString(),
  ): Promise<Record<string, string>> {
    const userId = challenge.USER_ID_FOR_SRP;
    const hkdf = await new Promise<Uint8Array>((resolve, reject) =>
      this.helper.getPasswordAuthenticationKey(
        userId,
        password,
        new BigInteger(challenge.SRP_B, 16),
        new BigInteger(challenge.SALT, 16),
        (err, key) => (err ? reject(err) : resolve(key)),
      ),
    );
    const signature = createHmac('sha256', Buffer.from(hkdf))
      .update(Buffer.from(this.poolName, 'utf8'))
      .update(Buffer.from(userId, 'utf8'))
      .update(Buffer.from(challenge.SECRET_BLOCK, 'base64'))
      .update(Buffer.from(timestamp, 'utf8'))
      .digest('base64');
    return {
      USERNAME: userId,
      PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: signature,
    };
  }
}
