import {
  AdminDisableUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';

export const PASSWORD = 'Faults-Passw0rd!';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * The real SDK clients the load and the final read-back use. One attempt per call: the suite counts
 * every error a caller sees, rather than what the SDK's retries would hide.
 */
export class Clients {
  readonly cognito: CognitoIdentityProviderClient;
  readonly identity: CognitoIdentityClient;
  readonly guest: CognitoIdentityClient;
  readonly iam: IAMClient;

  constructor(endpoint: string, admin: Credentials, maxAttempts = 1) {
    const common = { endpoint, region: 'us-east-1', maxAttempts, requestHandler: { requestTimeout: 30_000 } };
    this.cognito = new CognitoIdentityProviderClient({ ...common, credentials: admin });
    this.identity = new CognitoIdentityClient({ ...common, credentials: admin });
    this.guest = new CognitoIdentityClient({
      ...common,
      credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
    });
    this.iam = new IAMClient({ ...common, credentials: admin });
  }

  destroy(): void {
    for (const c of [this.cognito, this.identity, this.guest, this.iam]) c.destroy();
  }
}

export interface Fixture {
  userPoolId: string;
  clientId: string;
  identityPoolId: string;
}

export async function createFixture(clients: Clients): Promise<Fixture> {
  const { UserPool } = await clients.cognito.send(new CreateUserPoolCommand({ PoolName: 'faults' }));
  const { UserPoolClient } = await clients.cognito.send(
    new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: 'faults' }),
  );
  const { IdentityPoolId } = await clients.identity.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: 'faults', AllowUnauthenticatedIdentities: true }),
  );
  return { userPoolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId!, identityPoolId: IdentityPoolId! };
}

/** What a user should look like at the end, from the writes the callers saw acknowledged. */
export interface UserRecord {
  username: string;
  /** Values the `name` attribute may have: the last acknowledged one, plus any sent since that failed. */
  names: string[];
  /** An update was acknowledged: `names` starts with its value, and the attribute cannot be unset. */
  named: boolean;
  /** A write on this user failed: its outcome is unknown, so the load leaves it alone from then on. */
  retired: boolean;
  /** AdminDisableUser was acknowledged: the user directory and the broker's copy must both say so. */
  disabled: boolean;
}

export interface CallerError {
  /** When the call began and when its error came back. */
  startedAt: number;
  at: number;
  operation: string;
  name: string;
  message: string;
}

/** Every acknowledged write, as the callers saw it: the suite reads each back at the end. */
export class Ledger {
  readonly users: UserRecord[] = [];
  readonly identities: string[] = [];
  readonly roles: string[] = [];
  readonly errors: CallerError[] = [];
  acknowledged = 0;
  calls = 0;
}

type Operation = 'SignUp' | 'AdminUpdateUserAttributes' | 'AdminDisableUser' | 'GetId' | 'CreateRole';

/** Sign-ups lead, so there are users for the updates and disables that follow. */
const MIX: [Operation, number][] = [
  ['SignUp', 30],
  ['AdminUpdateUserAttributes', 30],
  ['AdminDisableUser', 10],
  ['GetId', 20],
  ['CreateRole', 10],
];

function pick(): Operation {
  let r = Math.random() * 100;
  for (const [op, weight] of MIX) {
    if ((r -= weight) < 0) return op;
  }
  return 'SignUp';
}

/**
 * `workers` callers, each writing in a loop until stopped, each with users of its own (so the last
 * acknowledged update of a user is well defined). A caller that gets an error goes on after a short
 * pause, as a client with a retry budget would.
 */
export class Load {
  private running = false;
  private loops: Promise<void>[] = [];
  private serial = 0;

  constructor(
    private readonly clients: Clients,
    private readonly fixture: Fixture,
    readonly ledger: Ledger,
    private readonly runId: string,
  ) {}

  start(workers: number): void {
    this.running = true;
    this.loops = Array.from({ length: workers }, (_, w) => this.loop(w));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(worker: number): Promise<void> {
    const mine: UserRecord[] = [];
    while (this.running) {
      const op = pick();
      const n = ++this.serial;
      const ok = await this.call(op, () => this.write(op, worker, n, mine));
      if (!ok) await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Resolves once every call that began at or before `time` has returned. */
  async settledSince(time: number): Promise<void> {
    while ([...this.inFlight].some((startedAt) => startedAt <= time)) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private readonly inFlight = new Set<number>();

  private async call(op: Operation, fn: () => Promise<void>): Promise<boolean> {
    this.ledger.calls++;
    let startedAt = Date.now();
    while (this.inFlight.has(startedAt)) startedAt += 0.001; // one entry per call
    this.inFlight.add(startedAt);
    try {
      await fn();
      this.ledger.acknowledged++;
      return true;
    } catch (err) {
      this.ledger.errors.push({
        startedAt,
        at: Date.now(),
        operation: op,
        name: (err as Error).name || 'Error',
        message: (err as Error).message ?? '',
      });
      return false;
    } finally {
      this.inFlight.delete(startedAt);
    }
  }

  private async write(op: Operation, worker: number, n: number, mine: UserRecord[]): Promise<void> {
    const { cognito, guest, iam } = this.clients;
    const active = mine.filter((u) => !u.retired);
    const user = active[Math.floor(Math.random() * active.length)];
    if (op === 'SignUp' || !user) {
      const username = `${this.runId}-w${worker}-u${n}`;
      await cognito.send(
        new SignUpCommand({
          ClientId: this.fixture.clientId,
          Username: username,
          Password: PASSWORD,
          UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        }),
      );
      const record: UserRecord = { username, names: [], named: false, retired: false, disabled: false };
      mine.push(record);
      this.ledger.users.push(record);
    } else if (op === 'AdminUpdateUserAttributes') {
      const value = `v${n}`;
      try {
        await cognito.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: this.fixture.userPoolId,
            Username: user.username,
            UserAttributes: [{ Name: 'name', Value: value }],
          }),
        );
        user.names = [value];
        user.named = true;
      } catch (err) {
        user.names.push(value);
        user.retired = true;
        throw err;
      }
    } else if (op === 'AdminDisableUser') {
      try {
        await cognito.send(
          new AdminDisableUserCommand({ UserPoolId: this.fixture.userPoolId, Username: user.username }),
        );
        user.disabled = true;
      } finally {
        // Disabled (or maybe disabled): later writes would only blur what the read-back can expect.
        user.retired = true;
      }
    } else if (op === 'GetId') {
      const { IdentityId } = await guest.send(
        new GetIdCommand({ IdentityPoolId: this.fixture.identityPoolId }),
      );
      this.ledger.identities.push(IdentityId!);
    } else {
      const roleName = `${this.runId}-w${worker}-r${n}`;
      await iam.send(
        new CreateRoleCommand({
          RoleName: roleName,
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: 'cognito-identity.amazonaws.com' },
                Action: 'sts:AssumeRoleWithWebIdentity',
              },
            ],
          }),
        }),
      );
      this.ledger.roles.push(roleName);
    }
  }
}
