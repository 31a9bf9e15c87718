import { randomBytes } from 'node:crypto';
import * as cognito from 'amazon-cognito-identity-js';
import {
  derivedKey,
  modPow,
  parseHexOrUndefined,
  passwordClaimSignature,
  privateKeyX,
  scramblingU,
  SRP_G,
  SRP_K,
  SRP_N,
} from '../apps/user-directory/src/auth/srp/srp';

const { DateHelper } = cognito as unknown as { DateHelper: new () => { getNowString(): string } };

/**
 * The client half of Cognito's SRP (USER_SRP_AUTH, DEVICE_SRP_AUTH) for benchmarks, with the
 * exponentiations in OpenSSL (srp.ts's modPow) rather than amazon-cognito-identity-js's pure
 * JavaScript BigInteger: the library's client math took about 0.8 s per SRP exchange on the 2-core
 * VM (g^a in its constructor, then two 3072-bit exponentiations in getPasswordAuthenticationKey),
 * so a bench of the server spent most of its wall time in the client. Same interface as
 * CognitoJsSrpClient; that the server accepts its proofs is checked by every round (tokens or a
 * thrown error), and the library's own math stays in the e2e tests and behind `--client=cognito-js`.
 */
export class NativeSrpClient {
  private readonly a = BigInt(`0x${randomBytes(128).toString('hex')}`);
  private readonly A = modPow(SRP_G, this.a, SRP_N);

  constructor(private readonly poolName: string) {}

  srpA(): Promise<string> {
    return Promise.resolve(this.A.toString(16));
  }

  respond(
    challenge: Record<string, string>,
    password: string,
    timestamp = new DateHelper().getNowString(),
  ): Promise<Record<string, string>> {
    const userId = challenge.USER_ID_FOR_SRP;
    const B = parseHexOrUndefined(challenge.SRP_B);
    if (B === undefined || B % SRP_N === 0n) throw new Error('bad SRP_B');
    const u = scramblingU(this.A, B);
    const x = privateKeyX(this.poolName, userId, password, challenge.SALT);
    const base = (((B - SRP_K * modPow(SRP_G, x, SRP_N)) % SRP_N) + SRP_N) % SRP_N;
    const S = modPow(base, this.a + u * x, SRP_N);
    const key = derivedKey(S, u);
    const secretBlock = Buffer.from(challenge.SECRET_BLOCK, 'base64');
    const signature = passwordClaimSignature(key, this.poolName, userId, secretBlock, timestamp);
    return Promise.resolve({
      USERNAME: userId,
      PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: signature.toString('base64'),
    });
  }
}
