import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { UNDECLARED_ERROR_MARK } from '@idfed/service-runtime';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { appLogs, databaseUrlOf, findLeaks, findStatementDumps, knownSecrets } from './support/secret-scan';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * The last spec of a run (e2e/support/last-spec.sequencer.js): every secret the run's traffic
 * carried (recorded by e2e/support/record-secrets.ts), every key the deployment was given or
 * generated, every code and temporary password it sent, and every secret it stores is looked for
 * in every app's log. It first provokes what once logged secrets: failed INSERTs of a SignUp,
 * which TypeORM printed with the password hash and SRP verifier among their parameters.
 */
describe('no secret reaches a log', () => {
  const system = e2eSystem();
  const admin = cognitoAdmin(system);
  const app = cognitoPublic(system);

  it('provokes failed INSERTs: a taken username, a NUL in an attribute', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'leak-check' }));
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: 'leak-check' }),
    );
    const clientId = UserPoolClient!.ClientId!;
    const signUp = (username: string, name = 'Ann') =>
      app.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: username,
          Password: `Pw-${randomBytes(12).toString('hex')}!`,
          UserAttributes: [{ Name: 'name', Value: name }],
        }),
      );
    await signUp('taken-user');
    await expectAwsError(signUp('taken-user'), 'UsernameExistsException');
    // Refused one way or another (the answer is the bad-input suite's concern); what matters here
    // is what the attempt wrote to the log.
    await expect(signUp('nul-user', 'A\u0000nn')).rejects.toBeDefined();
  });

  it('finds none of the run’s secrets in any app log', async () => {
    const { recorded, all } = await knownSecrets(system, databaseUrlOf(system));
    // A check over nothing proves nothing: the traffic above alone records passwords.
    expect(recorded.length).toBeGreaterThan(2);
    expect(all.some((s) => s.label.startsWith('stored user_directory.users.srp_verifier_enc'))).toBe(true);
    const logs = appLogs(system.workDir);
    expect(logs.length).toBeGreaterThan(0);
    expect(findLeaks(logs, all)).toEqual([]);
  });

  it('finds no SQL statement printed with its parameters in any app log', () => {
    expect(findStatementDumps(appLogs(system.workDir))).toEqual([]);
  });
});

/**
 * Every error the run's traffic was answered with is one its operation's contract declares: the
 * services log any other (ErrorContractMonitor), and this looks for such lines in every app's log.
 */
describe('every answered error is declared by its operation', () => {
  const system = e2eSystem();

  it('finds no undeclared error in any app log', () => {
    const logs = appLogs(system.workDir);
    expect(logs.length).toBeGreaterThan(0);
    const undeclared = logs.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.includes(UNDECLARED_ERROR_MARK))
        .map((line) => line.slice(0, 300)),
    );
    expect(undeclared).toEqual([]);
  });
});
