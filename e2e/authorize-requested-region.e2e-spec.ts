import { randomBytes } from 'node:crypto';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { signRequest } from '../libs/sigv4/src';
import { IdfedGrpcClient } from '../libs/testing/src/grpc/idfed-grpc-client';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';
import {
  adminIamAndSts,
  iamUserWithKey,
  policyDocument,
  SdkCredentials,
  sdkCredentialsOf,
} from './support/iam-principals';

/** Allowed only for requests signed for eu-west-1, as the IAM user guide's region-restriction example. */
const EU_ONLY = [
  {
    Effect: 'Allow',
    Action: 'docs:GetDocument',
    Resource: '*',
    Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
  },
];

/**
 * `aws:RequestedRegion` in the decisions of `POST /authorize` and gRPC `Authorizer.Authorize`: the
 * region the asked-about request was signed for (its SigV4 scope), as AWS supplies it on every
 * request. The asker's context cannot say otherwise: a resource service (or whoever holds the admin
 * key's signature over the body) cannot move a request signed for one region into another.
 */
describe('aws:RequestedRegion in the authorizer', () => {
  const system = e2eSystem();
  const { iam, sts } = adminIamAndSts(system);
  const grpc = new IdfedGrpcClient(system.grpcGateways[0], {
    accessKeyId: system.adminAccessKeyId,
    secretAccessKey: system.adminSecretAccessKey,
  });
  let session: SdkCredentials;
  let user: SdkCredentials;

  beforeAll(async () => {
    const RoleName = `eu-reader-${randomBytes(3).toString('hex')}`;
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName,
        AssumeRolePolicyDocument: policyDocument([
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' },
        ]),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({ RoleName, PolicyName: 'eu-only', PolicyDocument: policyDocument(EU_ONLY) }),
    );
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: Role!.Arn!, RoleSessionName: 'regional' }),
    );
    session = sdkCredentialsOf(Credentials!);
    user = (await iamUserWithKey(iam, { prefix: 'eu-reader', statements: EU_ONLY })).credentials;
  });

  afterAll(() => {
    iam.destroy();
    sts.destroy();
    grpc.close();
  });

  const ask = (device: SdkCredentials, region: string, context?: object) =>
    authorizeDeviceRequest(
      device,
      {
        action: 'docs:GetDocument',
        resource: 'arn:aws:docs:::doc/a',
        region,
        ...(context ? { context } : {}),
      },
      system,
    );

  it.each([
    ['a role session', () => session],
    ["an IAM user's key", () => user],
  ])('POST /authorize allows %s only in the region its request was signed for', async (_who, device) => {
    expect(await ask(device(), 'eu-west-1')).toMatchObject({ authenticated: true, allowed: true });
    expect(await ask(device(), 'us-east-1')).toMatchObject({
      authenticated: true,
      allowed: false,
      decision: 'ImplicitDeny',
    });
    expect(await ask(device(), 'ap-southeast-2')).toMatchObject({ authenticated: true, allowed: false });
  });

  it('POST /authorize: a forged aws:RequestedRegion in the context cannot flip the decision', async () => {
    for (const device of [session, user]) {
      for (const key of ['aws:RequestedRegion', 'AWS:requestedRegion']) {
        expect(await ask(device, 'us-east-1', { [key]: 'eu-west-1' })).toMatchObject({
          authenticated: true,
          allowed: false,
        });
        // Nor the other way: signed for eu-west-1, a context naming another region is ignored.
        expect(await ask(device, 'eu-west-1', { [key]: 'us-east-1' })).toMatchObject({ allowed: true });
      }
    }
  });

  it('gRPC Authorizer.Authorize decides on the signed region, whatever the context says', async () => {
    const grpcAsk = (region: string, context: Record<string, string> = {}) => {
      const signed = signRequest(
        { method: 'GET', path: '/docs/a', query: '', headers: { host: 'docs.example.test' }, body: '' },
        session,
        { region, service: 'docs' },
      );
      const headers = Object.fromEntries(
        Object.entries(signed.headers).map(([k, v]) => [k, { values: [String(v)] }]),
      );
      return grpc.authorize({
        action: 'docs:GetDocument',
        resource: 'arn:aws:docs:::doc/a',
        request: { method: 'GET', path: '/docs/a', query: '', headers, service: 'docs' },
        contextJson: Object.fromEntries(Object.entries(context).map(([k, v]) => [k, JSON.stringify(v)])),
      });
    };
    expect(await grpcAsk('eu-west-1')).toMatchObject({ authenticated: true, allowed: true });
    expect(await grpcAsk('us-east-1')).toMatchObject({ authenticated: true, allowed: false });
    expect(await grpcAsk('us-east-1', { 'aws:RequestedRegion': 'eu-west-1' })).toMatchObject({
      authenticated: true,
      allowed: false,
    });
    expect(await grpcAsk('eu-west-1', { 'aws:requestedregion': 'us-east-1' })).toMatchObject({
      allowed: true,
    });
  });
});
