import { randomBytes } from 'node:crypto';
import { aPool, aUser, outcome, tx } from '../../test/support/users-doubles';
import { PasswordHasher } from '@idfed/crypto';
import { UserEntity } from '../database/entities';
import { PasswordCredentials } from './password-credentials';
import { PasswordHistory } from './password-history';
import { PasswordHistoryRepository, PreviousPassword } from './password-history.repository';
import { VerifierSeal } from './secrets-at-rest';

const POOL = 'us-east-1_Spec1';

describe('password history (ADR 0057)', () => {
  const credentials = new PasswordCredentials(new PasswordHasher(19456), new VerifierSeal(randomBytes(32)));

  /** The repository as a list, newest last, honouring `limit` as the SQL does. */
  function doubles(size: number | undefined) {
    const rows: PreviousPassword[] = [];
    const repo = {
      recent: jest.fn((_sub: string, limit: number) =>
        Promise.resolve(limit <= 0 ? [] : rows.slice(-limit).reverse()),
      ),
      add: jest.fn(),
    };
    const history = new PasswordHistory(repo as unknown as PasswordHistoryRepository, credentials);
    const pool = aPool({
      passwordPolicy: { ...aPool().config.passwordPolicy, PasswordHistorySize: size },
    });
    return { rows, repo, history, pool };
  }

  async function userWith(password: string): Promise<UserEntity> {
    return aUser({ ...(await credentials.derive(POOL, 'ann', password)) });
  }

  it('refuses the current password and the N - 1 before it, not the one before those', async () => {
    const d = doubles(3);
    for (const old of ['Oldest-1!', 'Older-2!', 'Old-3!']) {
      d.rows.push(await credentials.derive(POOL, 'ann', old));
    }
    const user = await userWith('Current-4!');
    for (const reused of ['Current-4!', 'Old-3!', 'Older-2!']) {
      expect(await outcome(d.history.refuseReuse(d.pool, user, reused))).toBe(
        'PasswordHistoryPolicyViolationException',
      );
    }
    await expect(d.history.refuseReuse(d.pool, user, 'Oldest-1!')).resolves.toBeUndefined();
    await expect(d.history.refuseReuse(d.pool, user, 'Brand-New-5!')).resolves.toBeUndefined();
    expect(d.repo.recent).toHaveBeenCalledWith(user.sub, 2);
  });

  it('refuses nothing and reads nothing in a pool without a history size', async () => {
    for (const size of [undefined, 0]) {
      const d = doubles(size);
      const user = await userWith('Current-4!');
      await expect(d.history.refuseReuse(d.pool, user, 'Current-4!')).resolves.toBeUndefined();
      expect(d.repo.recent).not.toHaveBeenCalled();
    }
  });

  it('with a size of 1 refuses only the current password', async () => {
    const d = doubles(1);
    d.rows.push(await credentials.derive(POOL, 'ann', 'Old-3!'));
    const user = await userWith('Current-4!');
    expect(await outcome(d.history.refuseReuse(d.pool, user, 'Current-4!'))).toBe(
      'PasswordHistoryPolicyViolationException',
    );
    await expect(d.history.refuseReuse(d.pool, user, 'Old-3!')).resolves.toBeUndefined();
  });

  it('checks a previous password kept as a pre-ADR 0006 argon2id hash', async () => {
    const d = doubles(2);
    const hash = await new PasswordHasher(19456).hash('Legacy-1!');
    d.rows.push({ passwordHash: hash, srpSalt: null, srpVerifierEnc: null });
    const user = await userWith('Current-4!');
    expect(await outcome(d.history.refuseReuse(d.pool, user, 'Legacy-1!'))).toBe(
      'PasswordHistoryPolicyViolationException',
    );
  });

  it('keeps the replaced password in its stored form, pruned to N - 1', async () => {
    const d = doubles(4);
    const user = await userWith('Current-4!');
    await d.history.remember(d.pool, user, tx);
    expect(d.repo.add).toHaveBeenCalledWith(
      user.sub,
      POOL,
      { passwordHash: null, srpSalt: user.srpSalt, srpVerifierEnc: user.srpVerifierEnc },
      3,
      expect.any(Date),
      tx,
    );
    // The stored form only: the password itself is nowhere in what is kept.
    expect(JSON.stringify(d.repo.add.mock.calls[0])).not.toContain('Current-4!');
  });

  it('keeps nothing (and drops what was kept) where the size is 0 or 1', async () => {
    for (const size of [undefined, 0, 1]) {
      const d = doubles(size);
      const user = await userWith('Current-4!');
      await d.history.remember(d.pool, user, tx);
      expect(d.repo.add).toHaveBeenCalledWith(user.sub, POOL, expect.anything(), 0, expect.any(Date), tx);
    }
  });

  it('keeps no row for a user who had no password (an imported user)', async () => {
    const d = doubles(4);
    await d.history.remember(d.pool, aUser({ srpSalt: null, srpVerifierEnc: null }), tx);
    expect(d.repo.add).not.toHaveBeenCalled();
  });
});
