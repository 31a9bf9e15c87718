import { randomBytes } from 'node:crypto';
import { CommandMeta } from '@idfed/contracts';
import { base32Encode, totpCode, totpStep } from '@idfed/crypto';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { UserLookup } from '../users/user.lookup';
import { StoredUser, UsersRepository } from '../users/users.repository';
import { qrModulesDiffering } from '../../../../libs/testing/src/qr-png';
import { CreateVirtualMFADeviceHandler, otpauthUri } from './create-virtual-mfa-device.handler';
import { DeactivateMFADeviceHandler } from './deactivate-mfa-device.handler';
import { DeleteVirtualMFADeviceHandler } from './delete-virtual-mfa-device.handler';
import { EnableMFADeviceHandler } from './enable-mfa-device.handler';
import { GetMFADeviceHandler } from './get-mfa-device.handler';
import { ListMFADevicesHandler } from './list-mfa-devices.handler';
import { ListVirtualMFADevicesHandler } from './list-virtual-mfa-devices.handler';
import { MfaDevicesRepository, StoredMfaDevice } from './mfa-devices.repository';
import { MfaSeeds } from './mfa-seeds';
import { ResyncMFADeviceHandler } from './resync-mfa-device.handler';
import { AttemptCounters } from '../account/attempt-counters.repository';
import { VirtualMfaDevices } from './virtual-mfa-devices';

const ACCOUNT = '123456789012';
const arns = new IamArns(ACCOUNT);
const NOW = Date.parse('2030-01-01T00:00:10Z');
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
} as unknown as Transactions;
const seeds = new MfaSeeds(randomBytes(32));
const SEED = randomBytes(20);
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`;

const user = (name: string, userId: string): StoredUser => ({
  userId,
  name,
  nameKey: name.toLowerCase(),
  path: '/',
  arn: arns.user('/', name),
  permissionsBoundary: null,
  tags: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
});
const alice = user('Alice', 'AIDAALICEALICEALICE1');
const bob = user('Bob', 'AIDABOBBOBBOBBOBBOB1');

const device = (over: Partial<StoredMfaDevice> = {}): StoredMfaDevice => ({
  serialNumber: SERIAL,
  name: 'alice-phone',
  nameKey: 'alice-phone',
  path: '/',
  seedEnc: seeds.seal(SERIAL, SEED),
  userId: null,
  enabledAt: null,
  lastStep: null,
  driftSteps: 0,
  tags: [],
  createdAt: new Date(0),
  ...over,
});
const code = (steps = 0) => totpCode(SEED, totpStep(NOW) + steps);
const meta = (caller: CommandMeta['caller']): CommandMeta => ({ requestId: 'r', caller });
const asAdmin = meta({ kind: 'admin', accessKeyId: 'AKIAADMINADMINADMIN0' });
const asAlice = meta({
  kind: 'admin',
  accessKeyId: 'AKIAALICEALICEALICE1',
  principalArn: alice.arn,
  principalId: alice.userId,
});

/** The repositories mocked: the handlers' checks and their order are what is under test. */
function setUp(found: StoredMfaDevice | undefined = device()) {
  const devices = {
    insert: jest.fn().mockResolvedValue('created'),
    find: jest.fn().mockResolvedValue(found),
    countOfUser: jest.fn().mockResolvedValue(0),
    enable: jest.fn().mockResolvedValue(true),
    deactivate: jest.fn().mockResolvedValue(true),
    resync: jest.fn().mockResolvedValue(true),
    deleteUnassigned: jest.fn().mockResolvedValue('deleted'),
    pageOfUser: jest.fn().mockResolvedValue({ page: [] }),
    page: jest.fn().mockResolvedValue({ page: [] }),
  };
  const users = {
    findByName: jest.fn((name: string) =>
      Promise.resolve([alice, bob].find((u) => u.nameKey === name.toLowerCase())),
    ),
    findById: jest.fn((id: string) => Promise.resolve([alice, bob].find((u) => u.userId === id))),
  };
  const repo = devices as unknown as MfaDevicesRepository;
  const usersRepo = users as unknown as UsersRepository;
  const lookup = new UserLookup(usersRepo);
  const attempts = {
    begin: jest.fn().mockResolvedValue(true),
    succeeded: jest.fn().mockResolvedValue(undefined),
    notAGuess: jest.fn().mockResolvedValue(undefined),
  };
  const mfa = new VirtualMfaDevices(
    repo,
    seeds,
    lookup,
    usersRepo,
    attempts as unknown as AttemptCounters,
    () => NOW,
  );
  return {
    devices,
    users,
    attempts,
    create: new CreateVirtualMFADeviceHandler(arns, repo, seeds),
    enable: new EnableMFADeviceHandler(transactions, lookup, repo, mfa),
    resync: new ResyncMFADeviceHandler(transactions, lookup, repo, mfa),
    deactivate: new DeactivateMFADeviceHandler(transactions, repo, mfa),
    remove: new DeleteVirtualMFADeviceHandler(transactions, repo),
    list: new ListMFADevicesHandler(repo, mfa),
    listVirtual: new ListVirtualMFADevicesHandler(repo, mfa),
    get: new GetMFADeviceHandler(mfa),
  };
}

async function errorOf(promise: Promise<unknown>): Promise<{ name?: string; message?: string }> {
  return promise.then(
    () => ({}),
    (err: ServiceError) => ({ name: err.errorName, message: err.message }),
  );
}

describe('CreateVirtualMFADevice', () => {
  it('names the device by its path, answers the seed once as base64 of base32 and stores it only sealed', async () => {
    const s = setUp();
    const { VirtualMFADevice } = await s.create.execute({
      VirtualMFADeviceName: 'ann-phone',
      Path: '/team/',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    const serial = `arn:aws:iam::${ACCOUNT}:mfa/team/ann-phone`;
    expect(VirtualMFADevice.SerialNumber).toBe(serial);
    const base32 = Buffer.from(VirtualMFADevice.Base32StringSeed!, 'base64').toString('ascii');
    expect(base32).toMatch(/^[A-Z2-7]{32}$/);
    const stored = s.devices.insert.mock.calls[0][0] as StoredMfaDevice;
    expect(stored).toMatchObject({
      serialNumber: serial,
      name: 'ann-phone',
      nameKey: 'ann-phone',
      userId: null,
    });
    expect(stored.seedEnc.toString('latin1')).not.toContain(base32);
    expect(base32Encode(seeds.open(serial, stored.seedEnc))).toBe(base32);
    expect(() => seeds.open(SERIAL, stored.seedEnc)).toThrow();
    expect(VirtualMFADevice.Tags).toEqual([{ Key: 'k', Value: 'v' }]);
  });

  it('answers QRCodePNG: the otpauth URI AWS documents, with the seed, as a PNG (ADR 0084)', async () => {
    const s = setUp();
    const { VirtualMFADevice } = await s.create.execute({ VirtualMFADeviceName: 'ann+phone' });
    const base32 = Buffer.from(VirtualMFADevice.Base32StringSeed!, 'base64').toString('ascii');
    const uri = otpauthUri('ann+phone', ACCOUNT, base32);
    expect(uri).toBe(`otpauth://totp/ann%2Bphone@${ACCOUNT}?secret=${base32}`);
    const png = Buffer.from(VirtualMFADevice.QRCodePNG!, 'base64');
    expect(qrModulesDiffering(png, uri)).toBe(0);
    // Another seed makes another picture: the PNG is the device's own.
    expect(
      qrModulesDiffering(png, otpauthUri('ann+phone', ACCOUNT, base32Encode(randomBytes(20)))),
    ).toBeGreaterThan(0);
  });

  it('refuses a name taken (in any case) with EntityAlreadyExists, and a bad name or path', async () => {
    const s = setUp();
    s.devices.insert.mockResolvedValue('exists');
    expect(await errorOf(s.create.execute({ VirtualMFADeviceName: 'Alice-Phone' }))).toEqual({
      name: 'EntityAlreadyExists',
      message: 'MFADevice entity at the same path and name already exists.',
    });
    expect((await errorOf(s.create.execute({ VirtualMFADeviceName: 'a b' }))).name).toBe('ValidationError');
    expect((await errorOf(s.create.execute({ VirtualMFADeviceName: 'a', Path: 'team' }))).name).toBe(
      'ValidationError',
    );
  });
});

describe('EnableMFADevice', () => {
  const enable = (s: ReturnType<typeof setUp>, c1 = code(-1), c2 = code(0), UserName = 'alice') =>
    s.enable.execute({ UserName, SerialNumber: SERIAL, AuthenticationCode1: c1, AuthenticationCode2: c2 });

  it('assigns the device with two consecutive codes, their steps used up', async () => {
    const s = setUp();
    await enable(s);
    expect(s.devices.find).toHaveBeenCalledWith(SERIAL, tx, true);
    expect(s.devices.enable).toHaveBeenCalledWith(SERIAL, alice.userId, totpStep(NOW), new Date(NOW), tx);
  });

  it('refuses codes not consecutive, reversed, wrong or used already: InvalidAuthenticationCode', async () => {
    const invalid = {
      name: 'InvalidAuthenticationCode',
      message: 'Authentication code for device is not valid.',
    };
    const s = setUp();
    if (code(-1) !== code(1)) expect(await errorOf(enable(s, code(-1), code(1)))).toEqual(invalid);
    if (code(0) !== code(-1)) expect(await errorOf(enable(s, code(0), code(-1)))).toEqual(invalid);
    expect(await errorOf(enable(s, code(-10), code(-9)))).toEqual(invalid);
    const used = setUp(device({ lastStep: totpStep(NOW) }));
    expect(await errorOf(enable(used))).toEqual(invalid);
    expect(s.devices.enable).not.toHaveBeenCalled();
  });

  it('counts each try against the device and, once locked out, refuses even the right codes (ADR 0084)', async () => {
    const invalid = {
      name: 'InvalidAuthenticationCode',
      message: 'Authentication code for device is not valid.',
    };
    const s = setUp();
    expect(await errorOf(enable(s, code(-10), code(-9)))).toEqual(invalid);
    expect(s.attempts.begin).toHaveBeenCalledWith('mfa-code', SERIAL);
    expect(s.attempts.notAGuess).not.toHaveBeenCalled();
    // Refused for another reason than its codes: not a guess, taken back.
    expect((await errorOf(enable(s, code(-1), code(0), 'nobody'))).name).toBe('NoSuchEntity');
    expect(s.attempts.notAGuess).toHaveBeenCalledWith('mfa-code', SERIAL);
    s.attempts.begin.mockResolvedValue(false);
    expect(await errorOf(enable(s))).toEqual(invalid);
    expect(s.devices.enable).not.toHaveBeenCalled();
    s.attempts.begin.mockResolvedValue(true);
    await enable(s);
    expect(s.attempts.succeeded).toHaveBeenCalledWith('mfa-code', SERIAL);
  });

  it("checks in IAM's order: user, device, device in use, quota of eight, codes", async () => {
    const s = setUp();
    expect(await errorOf(enable(s, 'x', 'y', 'nobody'))).toMatchObject({ name: 'ValidationError' });
    expect(await errorOf(enable(s, code(-1), code(0), 'nobody'))).toEqual({
      name: 'NoSuchEntity',
      message: 'The user with name nobody cannot be found.',
    });
    s.devices.find.mockResolvedValue(undefined);
    expect(await errorOf(enable(s))).toEqual({
      name: 'NoSuchEntity',
      message: `VirtualMFADevice with serial number ${SERIAL} doesn't exist.`,
    });
    s.devices.find.mockResolvedValue(device({ userId: bob.userId, enabledAt: new Date(0) }));
    expect(await errorOf(enable(s))).toEqual({
      name: 'EntityAlreadyExists',
      message: 'MFA Device is already in use.',
    });
    s.devices.find.mockResolvedValue(device());
    s.devices.countOfUser.mockResolvedValue(8);
    expect(await errorOf(enable(s, '000000', '000000'))).toMatchObject({ name: 'LimitExceeded' });
    expect(s.devices.enable).not.toHaveBeenCalled();
  });
});

describe('ResyncMFADevice', () => {
  it("measures the device's drift from two consecutive codes ten minutes away", async () => {
    const s = setUp(device({ userId: alice.userId, enabledAt: new Date(0) }));
    await s.resync.execute({
      UserName: 'Alice',
      SerialNumber: SERIAL,
      AuthenticationCode1: code(14),
      AuthenticationCode2: code(15),
    });
    expect(s.devices.resync).toHaveBeenCalledWith(SERIAL, alice.userId, totpStep(NOW) + 15, 15, tx);
  });

  it("answers NoSuchEntity for another user's device, as for none", async () => {
    const s = setUp(device({ userId: bob.userId, enabledAt: new Date(0) }));
    const req = {
      UserName: 'Alice',
      SerialNumber: SERIAL,
      AuthenticationCode1: code(0),
      AuthenticationCode2: code(1),
    };
    const answer = {
      name: 'NoSuchEntity',
      message: `MFA Device with serial number ${SERIAL} does not exist.`,
    };
    expect(await errorOf(s.resync.execute(req))).toEqual(answer);
    s.devices.find.mockResolvedValue(undefined);
    expect(await errorOf(s.resync.execute(req))).toEqual(answer);
    expect(s.devices.resync).not.toHaveBeenCalled();
  });
});

describe('DeactivateMFADevice, DeleteVirtualMFADevice', () => {
  it('unassigns the device of the user named, or of the IAM user who signed', async () => {
    const s = setUp();
    await s.deactivate.execute({ UserName: 'alice', SerialNumber: SERIAL }, asAdmin);
    expect(s.devices.deactivate).toHaveBeenCalledWith(SERIAL, alice.userId, tx);
    await s.deactivate.execute({ SerialNumber: SERIAL }, asAlice);
    expect(s.devices.deactivate).toHaveBeenLastCalledWith(SERIAL, alice.userId, tx);
  });

  it("answers NoSuchEntity for a device not the user's, and for the root naming no user", async () => {
    const s = setUp();
    s.devices.deactivate.mockResolvedValue(false);
    const answer = {
      name: 'NoSuchEntity',
      message: `MFA Device with serial number ${SERIAL} does not exist.`,
    };
    expect(await errorOf(s.deactivate.execute({ UserName: 'Bob', SerialNumber: SERIAL }, asAdmin))).toEqual(
      answer,
    );
    expect(await errorOf(s.deactivate.execute({ SerialNumber: SERIAL }, asAdmin))).toEqual(answer);
  });

  it('refuses to delete an assigned device (DeleteConflict) and an unknown one (NoSuchEntity)', async () => {
    const s = setUp();
    await s.remove.execute({ SerialNumber: SERIAL });
    s.devices.deleteUnassigned.mockResolvedValue('in-use');
    expect(await errorOf(s.remove.execute({ SerialNumber: SERIAL }))).toEqual({
      name: 'DeleteConflict',
      message: 'MFA Device is in use and cannot be deleted.',
    });
    s.devices.deleteUnassigned.mockResolvedValue('missing');
    expect((await errorOf(s.remove.execute({ SerialNumber: SERIAL }))).name).toBe('NoSuchEntity');
  });
});

describe('ListMFADevices, ListVirtualMFADevices, GetMFADevice', () => {
  const assigned = device({ userId: alice.userId, enabledAt: new Date(NOW) });

  it("lists the named user's devices, else the signer's; none for the root", async () => {
    const s = setUp();
    s.devices.pageOfUser.mockResolvedValue({ page: [assigned] });
    const mine = {
      MFADevices: [{ UserName: 'Alice', SerialNumber: SERIAL, EnableDate: '2030-01-01T00:00:10Z' }],
      IsTruncated: false,
    };
    expect(await s.list.execute({ UserName: 'alice' }, asAdmin)).toEqual(mine);
    expect(await s.list.execute({}, asAlice)).toEqual(mine);
    expect(s.devices.pageOfUser).toHaveBeenLastCalledWith(alice.userId, undefined, 100);
    expect(await s.list.execute({}, asAdmin)).toEqual({ MFADevices: [], IsTruncated: false });
    expect((await errorOf(s.list.execute({ UserName: 'nobody' }, asAdmin))).name).toBe('NoSuchEntity');
  });

  it('lists virtual devices by assignment (Any by default) with their user, never the seed', async () => {
    const s = setUp();
    s.devices.page.mockResolvedValue({
      page: [assigned, device({ serialNumber: `${SERIAL}2` })],
      next: `${SERIAL}2`,
    });
    const answer = await s.listVirtual.execute({ MaxItems: 2 });
    expect(s.devices.page).toHaveBeenCalledWith('Any', undefined, 2);
    expect(answer.IsTruncated).toBe(true);
    expect(answer.Marker).toEqual(expect.any(String));
    expect(answer.VirtualMFADevices[0]).toEqual({
      SerialNumber: SERIAL,
      User: {
        Path: '/',
        UserName: 'Alice',
        UserId: alice.userId,
        Arn: alice.arn,
        CreateDate: '1970-01-01T00:00:00Z',
      },
      EnableDate: '2030-01-01T00:00:10Z',
    });
    expect(answer.VirtualMFADevices[1]).toEqual({ SerialNumber: `${SERIAL}2` });
    expect(JSON.stringify(answer)).not.toMatch(/Base32StringSeed|QRCodePNG/);
    expect((await errorOf(s.listVirtual.execute({ AssignmentStatus: 'Some' as 'Any' }))).name).toBe(
      'ValidationError',
    );
  });

  it("gets the user's device, and NoSuchEntity for another user's", async () => {
    const s = setUp(assigned);
    expect(await s.get.execute({ SerialNumber: SERIAL, UserName: 'Alice' }, asAdmin)).toEqual({
      UserName: 'Alice',
      SerialNumber: SERIAL,
      EnableDate: '2030-01-01T00:00:10Z',
    });
    expect((await errorOf(s.get.execute({ SerialNumber: SERIAL, UserName: 'Bob' }, asAdmin))).name).toBe(
      'NoSuchEntity',
    );
  });
});
