import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { totpCode, totpStep } from '@idfed/crypto';
import { ServiceError } from '@idfed/messaging';
import { IamArns } from '../src/common/arns';
import { newUserId } from '../src/common/ids';
import { CreateVirtualMFADeviceHandler } from '../src/mfa/create-virtual-mfa-device.handler';
import { DeactivateMFADeviceHandler } from '../src/mfa/deactivate-mfa-device.handler';
import { DeleteVirtualMFADeviceHandler } from '../src/mfa/delete-virtual-mfa-device.handler';
import { EnableMFADeviceHandler } from '../src/mfa/enable-mfa-device.handler';
import { MfaDevicesRepository } from '../src/mfa/mfa-devices.repository';
import { MfaSeeds } from '../src/mfa/mfa-seeds';
import { VirtualMfaDevices } from '../src/mfa/virtual-mfa-devices';
import { DeleteUserHandler } from '../src/users/delete-user.handler';
import { StoredUser, UsersRepository } from '../src/users/users.repository';
import { ACCOUNT, createServiceDatabase, serviceModule, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);
const admin = { requestId: 'r', caller: { kind: 'admin' as const, accessKeyId: 'AKIAADMINADMINADMIN0' } };

/** Virtual MFA devices on a real PostgreSQL (ADR 0072): sealed seeds, locks, races, replays, conflicts. */
describe('MfaDevicesRepository on PostgreSQL', () => {
  let db: ServiceDatabase;
  let module: TestingModule;
  let devices: MfaDevicesRepository;
  let users: UsersRepository;
  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    db = await createServiceDatabase();
    module = await serviceModule(db.ds);
    devices = module.get(MfaDevicesRepository);
    users = module.get(UsersRepository);
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  async function newUser(): Promise<StoredUser> {
    const name = unique('user');
    const now = new Date();
    const u: StoredUser = {
      userId: newUserId(),
      name,
      nameKey: name.toLowerCase(),
      path: '/',
      arn: arns.user('/', name),
      permissionsBoundary: null,
      tags: [],
      createdAt: now,
      updatedAt: now,
    };
    await users.insert(u);
    return u;
  }

  /** A new device and its seed, read back from the answer as a client would. */
  async function newDevice(): Promise<{ serial: string; seed: Buffer }> {
    const answer = await module
      .get(CreateVirtualMFADeviceHandler)
      .execute({ VirtualMFADeviceName: unique('dev') });
    const serial = answer.VirtualMFADevice.SerialNumber;
    const stored = await devices.find(serial);
    return { serial, seed: module.get(MfaSeeds).open(serial, stored!.seedEnc) };
  }

  /** Two consecutive codes, as an authenticator app shows them; `step` is the second one's. */
  const codesAt = (seed: Buffer, step = totpStep(Date.now())) => ({
    step,
    codes: { AuthenticationCode1: totpCode(seed, step - 1), AuthenticationCode2: totpCode(seed, step) },
  });
  const codes = (seed: Buffer) => codesAt(seed).codes;

  it('creates a name once whatever its case when creations race, and stores the seed only sealed', async () => {
    const name = unique('Phone');
    const create = module.get(CreateVirtualMFADeviceHandler);
    const racers = [name, name.toLowerCase(), name.toUpperCase(), name, name, name, name, name];
    const outcomes = await Promise.allSettled(racers.map((n) => create.execute({ VirtualMFADeviceName: n })));
    const created = outcomes.filter((o) => o.status === 'fulfilled');
    expect(created).toHaveLength(1);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.every((o) => (o.reason as ServiceError).errorName === 'EntityAlreadyExists')).toBe(true);
    const { VirtualMFADevice } = created[0].value;
    const base32 = Buffer.from(VirtualMFADevice.Base32StringSeed!, 'base64').toString('ascii');
    const [row] = await db.ds.query<{ seed_enc: Buffer }[]>(
      `SELECT seed_enc FROM credential_vending.mfa_devices WHERE serial_number = $1`,
      [VirtualMFADevice.SerialNumber],
    );
    expect(row.seed_enc.toString('latin1')).not.toContain(base32);
    const seeds = module.get(MfaSeeds);
    expect(seeds.open(VirtualMFADevice.SerialNumber, row.seed_enc)).toHaveLength(20);
    expect(() => seeds.open(`${VirtualMFADevice.SerialNumber}x`, row.seed_enc)).toThrow();
  });

  it('assigns a device to one user when eight enables for eight users race', async () => {
    const { serial, seed } = await newDevice();
    const racers = await Promise.all(Array.from({ length: 8 }, () => newUser()));
    const enable = module.get(EnableMFADeviceHandler);
    const { step, codes: c } = codesAt(seed);
    const outcomes = await Promise.allSettled(
      racers.map((u) => enable.execute({ UserName: u.name, SerialNumber: serial, ...c })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const stored = await devices.find(serial);
    expect(racers.map((u) => u.userId)).toContain(stored!.userId);
    expect(stored!.lastStep).toBe(step);
  });

  it('accepts a code once when ten uses of it race (any replica): a code is not accepted twice', async () => {
    const { serial, seed } = await newDevice();
    const u = await newUser();
    await module
      .get(EnableMFADeviceHandler)
      .execute({ UserName: u.name, SerialNumber: serial, ...codes(seed) });
    // The enable used up the current step; the next one is the first STS may accept.
    const next = totpCode(seed, totpStep(Date.now()) + 1);
    const mfa = module.get(VirtualMfaDevices);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => mfa.authenticate(u.userId, serial, next)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect((refused!.reason as ServiceError).message).toBe(
      'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    );
    // A code of an earlier step than the last accepted one is refused too.
    await expect(mfa.authenticate(u.userId, serial, totpCode(seed, totpStep(Date.now())))).rejects.toThrow();
  });

  it('refuses DeleteUser and DeleteVirtualMFADevice while assigned; both once it is deactivated', async () => {
    const { serial, seed } = await newDevice();
    const u = await newUser();
    await module
      .get(EnableMFADeviceHandler)
      .execute({ UserName: u.name, SerialNumber: serial, ...codes(seed) });
    const deleteUser = module.get(DeleteUserHandler);
    const deleteDevice = module.get(DeleteVirtualMFADeviceHandler);
    await expect(deleteUser.execute({ UserName: u.name })).rejects.toMatchObject({
      errorName: 'DeleteConflict',
      message: 'Cannot delete entity, must delete MFA device first.',
    });
    await expect(deleteDevice.execute({ SerialNumber: serial })).rejects.toMatchObject({
      errorName: 'DeleteConflict',
    });
    const other = await newUser();
    await expect(
      module.get(DeactivateMFADeviceHandler).execute({ UserName: other.name, SerialNumber: serial }, admin),
    ).rejects.toMatchObject({ errorName: 'NoSuchEntity' });
    await module.get(DeactivateMFADeviceHandler).execute({ UserName: u.name, SerialNumber: serial }, admin);
    expect(await devices.find(serial)).toMatchObject({ userId: null, enabledAt: null });
    await deleteUser.execute({ UserName: u.name });
    await deleteDevice.execute({ SerialNumber: serial });
    expect(await devices.find(serial)).toBeUndefined();
  });

  it('pages devices by assignment in serial order', async () => {
    const u = await newUser();
    const a = await newDevice();
    const b = await newDevice();
    await module
      .get(EnableMFADeviceHandler)
      .execute({ UserName: u.name, SerialNumber: a.serial, ...codes(a.seed) });
    const collect = async (status: 'Assigned' | 'Unassigned' | 'Any') => {
      const out: string[] = [];
      let after: string | undefined;
      do {
        const p = await devices.page(status, after, 1);
        out.push(...p.page.map((d) => d.serialNumber));
        after = p.next;
      } while (after);
      return out;
    };
    const assigned = await collect('Assigned');
    const unassigned = await collect('Unassigned');
    expect(assigned).toContain(a.serial);
    expect(assigned).not.toContain(b.serial);
    expect(unassigned).toContain(b.serial);
    expect((await collect('Any')).sort()).toEqual([...assigned, ...unassigned].sort());
    expect((await devices.pageOfUser(u.userId, undefined, 10)).page.map((d) => d.serialNumber)).toEqual([
      a.serial,
    ]);
  });
});
