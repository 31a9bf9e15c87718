import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  AUDIT_REDACTED,
  AuditRecord,
  Caller,
  CommandMeta,
  CreateAccessKeyResult,
  CredentialVendingOperations,
  OptionalUserNameRequest,
} from '@idfed/contracts';
import { messagingTablesMigration, OutboxService, ServiceError } from '@idfed/messaging';
import { migrateServiceSchema, SERVICE_SCHEMA, Transactions } from '@idfed/persistence';
import { AUDIT_OPTIONS, AuditTrail } from '../src/audit/audit-trail';
import { ErrorContractMonitor } from '../src/operations/error-contract.monitor';
import { OperationHandler, serve } from '../src/operations/operation-handler';
import { operationsController } from '../src/operations/operations.controller';

const ACCOUNT = '123456789012';
const SECRET = 'wJalrXUtnFEMI-audit-int-secret';

/**
 * The dispatcher's audit records on a real PostgreSQL (ADR 0054): a change and its record are both
 * in the outbox; a refused call's transaction rolls back and leaves only its refusal record.
 */
describe('audit records in the outbox', () => {
  const schema = `audit_test_${randomUUID().slice(0, 8)}`;
  let ds: DataSource;
  let controller: Record<string, (e: unknown) => Promise<unknown>>;

  @Injectable()
  class CreateAccessKeyHandler implements OperationHandler<
    typeof CredentialVendingOperations.CreateAccessKey
  > {
    constructor(@Inject(Transactions) private readonly transactions: Transactions) {}

    async execute(req: OptionalUserNameRequest, _meta: CommandMeta): Promise<CreateAccessKeyResult> {
      await this.transactions.run(async (tx) => {
        await tx.query(`INSERT INTO "${schema}".keys (user_name) VALUES ($1)`, [req.UserName]);
        if (req.UserName === 'refused') throw new ServiceError('LimitExceeded', 'Cannot exceed quota');
      });
      return {
        AccessKey: {
          UserName: req.UserName!,
          AccessKeyId: 'AKIAINTTEST000000000',
          Status: 'Active',
          SecretAccessKey: SECRET,
          CreateDate: new Date().toISOString(),
        },
      };
    }
  }

  beforeAll(async () => {
    ds = new DataSource({
      type: 'postgres',
      url: process.env.IDFED_TEST_DATABASE_URL,
      schema,
      migrations: [messagingTablesMigration(schema)],
      migrationsTableName: 'migrations',
    });
    await ds.initialize();
    await migrateServiceSchema(ds, schema);
    await ds.query(`CREATE TABLE "${schema}".keys (user_name text NOT NULL)`);
    const Controller = operationsController([
      serve(CredentialVendingOperations.CreateAccessKey, CreateAccessKeyHandler),
    ]);
    const module = await Test.createTestingModule({
      controllers: [Controller],
      providers: [
        CreateAccessKeyHandler,
        ErrorContractMonitor,
        { provide: DataSource, useValue: ds },
        { provide: SERVICE_SCHEMA, useValue: schema },
        { provide: AUDIT_OPTIONS, useValue: { accountId: ACCOUNT, region: 'us-east-1' } },
        Transactions,
        OutboxService,
        AuditTrail,
      ],
    }).compile();
    await module.init();
    controller = module.get(Controller);
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
  });

  const call = (userName: string, caller: Caller, requestId = randomUUID()) =>
    controller.handleCreateAccessKey({
      meta: { requestId, caller, sourceIp: '198.51.100.7', userAgent: 'int-spec' },
      payload: { UserName: userName },
    });

  async function records(requestId: string): Promise<AuditRecord[]> {
    const rows: { topic: string; key: string; payload: AuditRecord }[] = await ds.query(
      `SELECT topic, key, payload FROM "${schema}".outbox WHERE headers->>'idfed-correlation-id' = $1`,
      [requestId],
    );
    for (const row of rows) expect([row.topic, row.key]).toEqual(['credential-vending.audit.v1', ACCOUNT]);
    return rows.map((r) => r.payload);
  }

  const keysOf = async (userName: string) =>
    (await ds.query(`SELECT count(*)::int AS n FROM "${schema}".keys WHERE user_name = $1`, [userName]))[0].n;

  it('writes the change and one record of it, the answer’s secret hidden', async () => {
    const requestId = randomUUID();
    await call('alice', { kind: 'admin', accessKeyId: 'ADMINKEY0000000000' }, requestId);
    expect(await keysOf('alice')).toBe(1);
    const [record, ...more] = await records(requestId);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      eventName: 'CreateAccessKey',
      eventSource: 'iam.amazonaws.com',
      sourceIPAddress: '198.51.100.7',
      userAgent: 'int-spec',
      userIdentity: { type: 'Root', arn: `arn:aws:iam::${ACCOUNT}:root` },
      requestParameters: { UserName: 'alice' },
      responseElements: {
        AccessKey: { AccessKeyId: 'AKIAINTTEST000000000', SecretAccessKey: AUDIT_REDACTED },
      },
      requestID: requestId,
    });
    expect(JSON.stringify(record)).not.toContain(SECRET);
  });

  it('rolls a refused call’s change back and keeps only its refusal record', async () => {
    const requestId = randomUUID();
    const caller: Caller = {
      kind: 'admin',
      accessKeyId: 'AKIAUSERKEY000000000',
      principalArn: `arn:aws:iam::${ACCOUNT}:user/ops`,
    };
    await expect(call('refused', caller, requestId)).rejects.toMatchObject({ errorName: 'LimitExceeded' });
    expect(await keysOf('refused')).toBe(0);
    const [record, ...more] = await records(requestId);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      errorCode: 'LimitExceeded',
      errorMessage: 'Cannot exceed quota',
      responseElements: null,
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/ops`, userName: 'ops' },
    });
  });

  it('writes no record of a call refused to an anonymous caller before it ran', async () => {
    const requestId = randomUUID();
    await expect(call('nobody', { kind: 'anonymous' }, requestId)).rejects.toMatchObject({
      errorName: 'AccessDenied',
    });
    expect(await records(requestId)).toEqual([]);
  });
});
