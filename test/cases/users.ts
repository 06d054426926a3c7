/**
 * db/users.ts's cases, for both engines: db/users.test.ts runs them on SQLite, db/users.pg.test.ts on
 * PostgreSQL. `database` is the app's `db` as the file set it up.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMIT, SIGN_IN_WINDOW_MS } from '@/lib/sign-in-throttle';
import type { Db } from '../../db/client';
import { authors, loginFailures, users } from '../../db/schema';
import { authorOfUser, changeAccount, checkSignIn, findUserById, hasActiveAdmin, insertUser, linkUserToAuthor, listUsers, upsertUser } from '../../db/users';
import { type EngineHooks, withSlowWrites } from './engine';

const now = new Date('2025-02-12T21:40:00Z');
const password = 'correct horse battery';

export function userCases(database: Db, hooks: () => EngineHooks) {
  beforeEach(async () => {
    await database.delete(loginFailures);
    await database.delete(users);
    await database.delete(authors);
  });

  const failures = async () => (await database.select({ email: loginFailures.email, ip: loginFailures.ip }).from(loginFailures)).length;
  const account = (email: string, role: 'admin' | 'editor' | 'moderator' = 'admin') => upsertUser(database, { email, name: email.split('@')[0]!, role, password });

  describe('checkSignIn', () => {
    it('signs in with the right password, and records nothing', async () => {
      const id = await account('ada@example.com');
      expect(await checkSignIn('ada@example.com', password, '192.0.2.1', now)).toEqual({
        kind: 'ok',
        user: { id, email: 'ada@example.com', name: 'ada', role: 'admin' },
      });
      expect(await failures()).toBe(0);
    });

    it(`refuses attempt ${SIGN_IN_LIMIT + 1} in the window, right password or not, the same whether or not the account exists`, async () => {
      await account('ada@example.com');
      for (const email of ['ada@example.com', 'nobody@example.com']) {
        for (let i = 0; i < SIGN_IN_LIMIT; i++) expect(await checkSignIn(email, 'wrong', `192.0.2.${i}`, now)).toEqual({ kind: 'invalid' });
        expect(await checkSignIn(email, email === 'ada@example.com' ? password : 'wrong', '192.0.2.99', now)).toEqual({ kind: 'throttled' });
      }
      // A refused attempt is not a failure of its own; the window moves on.
      expect(await failures()).toBe(2 * SIGN_IN_LIMIT);
      expect((await checkSignIn('ada@example.com', password, '192.0.2.1', new Date(now.getTime() + SIGN_IN_WINDOW_MS))).kind).toBe('ok');
    });

    it('counts failures per address too, across emails', async () => {
      for (let i = 0; i < SIGN_IN_LIMIT; i++) expect((await checkSignIn(`n${i}@example.com`, 'wrong', '203.0.113.9', now)).kind).toBe('invalid');
      expect((await checkSignIn('other@example.com', 'wrong', '203.0.113.9', now)).kind).toBe('throttled');
      expect((await checkSignIn('other@example.com', 'wrong', '203.0.113.10', now)).kind).toBe('invalid');
    });

    it('takes back the attempt of a right password, but not of a disabled account', async () => {
      const id = await account('ada@example.com');
      for (let i = 0; i < SIGN_IN_LIMIT - 1; i++) await checkSignIn('ada@example.com', 'wrong', '192.0.2.1', now);
      expect((await checkSignIn('ada@example.com', password, '192.0.2.1', now)).kind).toBe('ok');
      expect(await failures()).toBe(SIGN_IN_LIMIT - 1);
      await database.update(users).set({ disabled: true }).where(eq(users.id, id));
      expect((await checkSignIn('ada@example.com', password, '192.0.2.1', now)).kind).toBe('invalid');
      expect((await checkSignIn('ada@example.com', password, '192.0.2.1', now)).kind).toBe('throttled');
    });

    it(`lets exactly ${SIGN_IN_LIMIT} of 10 concurrent wrong attempts be tried, and refuses the rest`, async () => {
      await account('ada@example.com');
      const results = await withSlowWrites(hooks(), 'login_failures', () =>
        Promise.all(Array.from({ length: 10 }, () => checkSignIn('ada@example.com', 'wrong', '192.0.2.1', now))),
      );
      expect(results.filter((result) => result.kind === 'invalid')).toHaveLength(SIGN_IN_LIMIT);
      expect(results.filter((result) => result.kind === 'throttled')).toHaveLength(10 - SIGN_IN_LIMIT);
      expect(await failures()).toBe(SIGN_IN_LIMIT);
    });
  });

  describe('accounts', () => {
    it('upsertUser creates an account, then updates it by email (lower-cased) and re-enables it', async () => {
      const id = await upsertUser(database, { email: ' Ada@Example.com ', name: 'Ada', role: 'moderator', password });
      await database.update(users).set({ disabled: true }).where(eq(users.id, id));
      expect(await upsertUser(database, { email: 'ada@example.com', name: 'Ada L.', role: 'editor', password: 'another password' })).toBe(id);
      expect(await findUserById(id)).toMatchObject({ email: 'ada@example.com', name: 'Ada L.', role: 'editor', disabled: false });
      expect((await checkSignIn('ada@example.com', 'another password', '192.0.2.1', now)).kind).toBe('ok');
      expect(await findUserById(id)).not.toHaveProperty('passwordHash');
    });

    it('insertUser refuses a taken email; listUsers sorts by name', async () => {
      expect(await insertUser({ email: 'bo@example.com', name: 'Bo', role: 'moderator', passwordHash: 'x' })).toEqual({ id: expect.any(Number) as number });
      expect(await insertUser({ email: 'bo@example.com', name: 'Bo again', role: 'admin', passwordHash: 'x' })).toBeNull();
      await insertUser({ email: 'al@example.com', name: 'Al', role: 'editor', passwordHash: 'x' });
      expect((await listUsers()).map((user) => user.name)).toEqual(['Al', 'Bo']);
    });

    it('links an account to a byline by slug, and unlinks it', async () => {
      const id = await account('ada@example.com');
      await database.insert(authors).values({ slug: 'ada', name: 'Ada Byline' });
      expect(await linkUserToAuthor(database, id, 'nobody')).toBe(false);
      expect(await linkUserToAuthor(database, id, 'ada')).toBe(true);
      expect(await authorOfUser(id)).toMatchObject({ name: 'Ada Byline', slug: 'ada' });
      expect(await linkUserToAuthor(database, id, null)).toBe(true);
      expect(await authorOfUser(id)).toBeNull();
    });
  });

  describe('changeAccount', () => {
    it('never leaves no active admin, and says when nothing changes', async () => {
      const ada = await account('ada@example.com');
      const mo = await account('mo@example.com', 'moderator');
      expect(await changeAccount(ada, { role: 'editor' })).toEqual({ kind: 'last-admin' });
      expect(await changeAccount(ada, { disabled: true })).toEqual({ kind: 'last-admin' });
      expect(await changeAccount(ada, { role: 'admin' })).toMatchObject({ kind: 'unchanged', account: { id: ada } });
      expect(await changeAccount(424242, { role: 'admin' })).toEqual({ kind: 'missing' });
      expect(await changeAccount(mo, { role: 'admin' })).toMatchObject({ kind: 'changed', before: { role: 'moderator' }, after: { role: 'admin' } });
      expect(await changeAccount(ada, { disabled: true })).toMatchObject({ kind: 'changed', after: { disabled: true } });
      expect(await hasActiveAdmin(database)).toBe(true);
      expect(await changeAccount(mo, { role: 'moderator' })).toEqual({ kind: 'last-admin' });
    });

    it('lets only one of two admins demoting each other at the same moment succeed', async () => {
      const [ada, bo] = [await account('ada@example.com'), await account('bo@example.com')];
      const results = await withSlowWrites(hooks(), 'users', () => Promise.all([changeAccount(ada, { disabled: true }), changeAccount(bo, { role: 'editor' })]));
      expect(results.map((result) => result.kind).sort()).toEqual(['changed', 'last-admin']);
      expect(await hasActiveAdmin(database)).toBe(true);
    });
  });
}
