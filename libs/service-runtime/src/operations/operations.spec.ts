import { Injectable } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { Test } from '@nestjs/testing';
import {
  AnyOperation,
  Caller,
  CommandMeta,
  CredentialVendingOperations,
  OPERATION_CATALOG,
  operationsOf,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { assertCallerAllowed } from './caller-access';
import { ErrorContractMonitor } from './error-contract.monitor';
import { OperationHandler, serve } from './operation-handler';
import { operationsController } from './operations.controller';
import { assertRegistryComplete } from './registry-completeness';

const admin: Caller = { kind: 'admin', accessKeyId: 'AKIAADMIN' };
const anonymous: Caller = { kind: 'anonymous' };
const temporary: Caller = {
  kind: 'temporary',
  accessKeyId: 'ASIATEMP',
  principalArn: 'arn:aws:sts::0:assumed-role/r/s',
};

describe('caller access from the contract', () => {
  const refusal = (op: AnyOperation, caller: Caller) => {
    try {
      assertCallerAllowed(op, caller);
      return undefined;
    } catch (err) {
      return (err as ServiceError).errorName;
    }
  };

  it('lets only the admin key call an admin operation, whatever reached the bus', () => {
    const op = UserDirectoryOperations.AdminDeleteUser;
    expect([admin, anonymous, temporary].map((c) => refusal(op, c))).toEqual([
      undefined,
      'AccessDeniedException',
      'AccessDeniedException',
    ]);
  });

  it('lets any signature call a signed Query operation and answers Query refusals in Query names', () => {
    expect(
      [admin, temporary, anonymous].map((c) => refusal(CredentialVendingOperations.AssumeRole, c)),
    ).toEqual([undefined, undefined, 'AccessDenied']);
    expect(refusal(CredentialVendingOperations.CreateRole, temporary)).toBe('AccessDenied');
  });

  it('lets anyone call public and internal operations', () => {
    expect(refusal(UserDirectoryOperations.InitiateAuth, anonymous)).toBeUndefined();
    expect(refusal(CredentialVendingOperations.GetRolePermissions, anonymous)).toBeUndefined();
  });
});

describe('the catalog', () => {
  it('declares each operation once, with its errors, and gives every client operation an access rule', () => {
    const patterns = OPERATION_CATALOG.map((op) => op.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const op of OPERATION_CATALOG) {
      expect([op.name, op.errors.length > 0]).toEqual([op.name, true]);
      if (op.surface.protocol === 'bus') expect([op.name, op.access]).toEqual([op.name, 'internal']);
      else expect([op.name, op.access]).not.toEqual([op.name, 'internal']);
    }
    // From botocore's model: what AWS documents for InitiateAuth, plus the framework's errors.
    expect(UserDirectoryOperations.InitiateAuth.errors).toEqual(
      expect.arrayContaining(['NotAuthorizedException', 'UserNotFoundException', 'TooManyRequestsException']),
    );
    expect(UserDirectoryOperations.InitiateAuth.errors).not.toContain('UsernameExistsException');
  });
});

@Injectable()
class DeleteUserPoolHandler implements OperationHandler<typeof UserDirectoryOperations.DeleteUserPool> {
  calls: unknown[] = [];
  async execute(request: { UserPoolId: string }, meta: CommandMeta) {
    this.calls.push([request, meta.requestId]);
    if (request.UserPoolId === 'wrong-error') throw new ServiceError('UsernameExistsException', 'odd');
    if (request.UserPoolId === 'missing') throw new ServiceError('ResourceNotFoundException', 'gone');
    return {};
  }
}

describe('the generated operations controller', () => {
  const op = UserDirectoryOperations.DeleteUserPool;

  async function build(regionScope?: (payload: Readonly<Record<string, unknown>>, region: string) => void) {
    const Controller = operationsController([serve(op, DeleteUserPoolHandler)], regionScope);
    const module = await Test.createTestingModule({
      controllers: [Controller],
      providers: [DeleteUserPoolHandler, ErrorContractMonitor],
    }).compile();
    await module.init();
    const controller = module.get<unknown, Record<string, (e: unknown) => Promise<unknown>>>(Controller);
    return {
      controller,
      handler: module.get(DeleteUserPoolHandler),
      monitor: module.get(ErrorContractMonitor),
    };
  }

  it('routes the operation’s bus pattern to its handler', async () => {
    const { controller, handler } = await build();
    const method = controller.handleDeleteUserPool;
    expect(Reflect.getMetadata(PATTERN_METADATA, method)).toEqual([op.pattern]);
    const answer = await method.call(controller, {
      meta: { requestId: 'r1', caller: admin },
      payload: { UserPoolId: 'p' },
    });
    expect(answer).toEqual({});
    expect(handler.calls).toEqual([[{ UserPoolId: 'p' }, 'r1']]);
  });

  it('refuses a caller the contract does not allow before the handler runs', async () => {
    const { controller, handler } = await build();
    await expect(
      controller.handleDeleteUserPool({
        meta: { requestId: 'r2', caller: anonymous },
        payload: { UserPoolId: 'p' },
      }),
    ).rejects.toMatchObject({ errorName: 'AccessDeniedException' });
    await expect(controller.handleDeleteUserPool({ payload: { UserPoolId: 'p' } })).rejects.toMatchObject({
      errorName: 'AccessDeniedException',
    });
    expect(handler.calls).toEqual([]);
  });

  it("runs the service's region scope before the handler, only for a command that names its region", async () => {
    const scoped: [unknown, string][] = [];
    const { controller, handler } = await build((payload, region) => {
      scoped.push([payload, region]);
      if (payload.UserPoolId !== `${region}_p`)
        throw new ServiceError('ResourceNotFoundException', 'elsewhere');
    });
    await expect(
      controller.handleDeleteUserPool({
        meta: { requestId: 'r4', caller: admin, region: 'eu-west-1' },
        payload: { UserPoolId: 'us-east-1_p' },
      }),
    ).rejects.toMatchObject({ errorName: 'ResourceNotFoundException' });
    expect(handler.calls).toEqual([]);
    await controller.handleDeleteUserPool({
      meta: { requestId: 'r5', caller: admin, region: 'eu-west-1' },
      payload: { UserPoolId: 'eu-west-1_p' },
    });
    await controller.handleDeleteUserPool({
      meta: { requestId: 'r6', caller: admin },
      payload: { UserPoolId: 'p' },
    });
    expect(scoped.map(([, region]) => region)).toEqual(['eu-west-1', 'eu-west-1']);
    expect(handler.calls).toEqual([
      [{ UserPoolId: 'eu-west-1_p' }, 'r5'],
      [{ UserPoolId: 'p' }, 'r6'],
    ]);
  });

  it('counts an answer outside the declared errors and passes it on unchanged', async () => {
    const { controller, monitor } = await build();
    const call = (UserPoolId: string) =>
      controller.handleDeleteUserPool({
        meta: { requestId: 'r3', caller: admin },
        payload: { UserPoolId },
      });
    await expect(call('missing')).rejects.toMatchObject({ errorName: 'ResourceNotFoundException' });
    expect(monitor.undeclaredCount).toBe(0);
    await expect(call('wrong-error')).rejects.toMatchObject({ errorName: 'UsernameExistsException' });
    expect(monitor.undeclaredCount).toBe(1);
  });
});

describe('registry completeness', () => {
  const all = operationsOf('credential-vending').map((contract) =>
    serve(contract, DeleteUserPoolHandler as never),
  );

  it('accepts a registry serving exactly the service’s operations', () => {
    expect(() => assertRegistryComplete('credential-vending', all)).not.toThrow();
  });

  it('names what is missing, foreign or bound twice', () => {
    expect(() => assertRegistryComplete('credential-vending', all.slice(1))).toThrow(
      /no handler for credential-vending\./,
    );
    const foreign = serve(UserDirectoryOperations.InitiateAuth, DeleteUserPoolHandler as never);
    expect(() => assertRegistryComplete('credential-vending', [...all, foreign])).toThrow(
      /not credential-vending's/,
    );
    expect(() => assertRegistryComplete('credential-vending', [...all, all[0]])).toThrow(/bound twice/);
  });
});
