'use server';

/**
 * The People page's actions. Each answers with a state its form renders in place: with JavaScript
 * as usual, and without it in the page Next renders for the post (React's form state). A generated
 * password therefore appears once, in the response to the post that made it, and in no cookie,
 * address or log.
 */

import { formDataOf } from '@/lib/action-args';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { plainText } from '@/lib/plain-text';
import { currentStaff, isAdmin } from '@/auth';
import { logModeration } from '@/db/moderation-log';
import { roleWithArticle, userRoles } from '@/lib/user-roles';
import { changeAccount, findUserById, insertUser, type StaffAccount } from '@/db/users';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '@/lib/passwords';

const deniedMessage = 'Only an admin can do that. Nothing was changed.';

export type AccountFieldErrors = Partial<Record<'email' | 'name' | 'role' | 'password', string>>;
export type NewAccountValues = { email: string; name: string; role: string };

export type CreateAccountState =
  | { status: 'idle' }
  | { status: 'denied'; message: string }
  | { status: 'invalid'; fieldErrors: AccountFieldErrors; values: NewAccountValues }
  /** `password` is set only when it was generated: shown this once, never stored in the clear. */
  | { status: 'created'; message: string; password: string | null };

export type AccountActionState =
  | { status: 'idle' }
  | { status: 'denied' | 'refused'; message: string }
  | { status: 'done'; message: string; password?: string };

const field = (schema: z.ZodType<string, string>) => z.preprocess((value) => (typeof value === 'string' ? plainText(value) : ''), schema);

const NewAccount = z.object({
  email: field(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'Please enter an email address.')
      .max(254, 'An email address can be at most 254 characters.')
      .pipe(z.email({ message: 'Please enter a valid email address.' })),
  ),
  name: field(z.string().trim().min(1, 'Please enter a name.').max(100, 'A name can be at most 100 characters.')),
  role: z.enum(userRoles, { error: 'Please choose a role: Admin, Editor, Moderator or Author.' }),
  password: field(
    z
      .string()
      .max(1000, 'A password can be at most 1,000 characters.')
      .refine(
        (value) => value === '' || value.length >= MIN_PASSWORD_LENGTH,
        `A password needs at least ${MIN_PASSWORD_LENGTH} characters. Leave it empty to have one made for you.`,
      ),
  ),
});

const AccountTarget = z.object({ userId: z.coerce.number().int().positive() });
const RoleChange = AccountTarget.extend({ role: z.enum(userRoles) });
const StatusChange = AccountTarget.extend({ disabled: z.enum(['true', 'false']).transform((value) => value === 'true') });

const badRequest: AccountActionState = { status: 'refused', message: 'That request was not understood. Nothing was changed.' };
const missing: AccountActionState = { status: 'refused', message: 'That account no longer exists. Nothing was changed.' };
const lastAdmin: AccountActionState = {
  status: 'refused',
  message: 'This is the last active admin, and the desk always needs one: make another account an admin first. Nothing was changed.',
};
// Resetting one's own password would end the session that is about to show the new one.
const ownPassword: AccountActionState = {
  status: 'refused',
  message: 'You cannot reset your own password here: ask another admin to do it. Nothing was changed.',
};

/** What the log keeps of an account: never the password hash. */
function audit(account: StaffAccount) {
  return {
    email: account.email,
    name: account.name,
    role: account.role,
    disabled: account.disabled,
    sessionsValidAfter: account.sessionsValidAfter,
  };
}

const roleName = (role: StaffAccount['role']) => roleWithArticle(role);

export async function createAccount(previous: CreateAccountState, submitted: FormData): Promise<CreateAccountState> {
  const formData = formDataOf(previous, submitted);
  const staff = await currentStaff();
  if (!isAdmin(staff)) return { status: 'denied', message: deniedMessage };
  const raw = Object.fromEntries(formData);
  const values: NewAccountValues = {
    email: typeof raw.email === 'string' ? raw.email.slice(0, 254) : '',
    name: typeof raw.name === 'string' ? raw.name.slice(0, 100) : '',
    role: typeof raw.role === 'string' ? raw.role.slice(0, 20) : '',
  };
  const parsed = NewAccount.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: AccountFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === 'email' || key === 'name' || key === 'role' || key === 'password') fieldErrors[key] ??= issue.message;
    }
    return { status: 'invalid', fieldErrors, values };
  }
  const { email, name, role } = parsed.data;
  const generated = parsed.data.password === '' ? generatePassword() : null;
  const passwordHash = await hashPassword(generated ?? parsed.data.password);
  const row = await insertUser({ email, name, role, passwordHash });
  if (!row) return { status: 'invalid', fieldErrors: { email: 'There is already an account with this email address.' }, values };
  const account = await findUserById(row.id);
  await logModeration({ actor: staff, action: 'user.create', targetType: 'user', targetId: row.id, before: null, after: account ? audit(account) : null });
  refresh();
  return { status: 'created', message: `Account created for ${name} (${email}) as ${roleName(role)}.`, password: generated };
}

export async function changeRole(previous: AccountActionState, submitted: FormData): Promise<AccountActionState> {
  const formData = formDataOf(previous, submitted);
  const staff = await currentStaff();
  if (!isAdmin(staff)) return { status: 'denied', message: deniedMessage };
  const parsed = RoleChange.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return badRequest;
  const input = parsed.data;
  const result = await changeAccount(input.userId, { role: input.role });
  if (result.kind === 'missing') return missing;
  if (result.kind === 'last-admin') return lastAdmin;
  if (result.kind === 'unchanged') return { status: 'done', message: `${result.account.name} is already ${roleName(input.role)}.` };
  await logModeration({ actor: staff, action: 'user.role', targetType: 'user', targetId: input.userId, before: audit(result.before), after: audit(result.after) });
  refresh();
  return { status: 'done', message: `${result.after.name} is now ${roleName(result.after.role)}.` };
}

export async function setAccountDisabled(previous: AccountActionState, submitted: FormData): Promise<AccountActionState> {
  const formData = formDataOf(previous, submitted);
  const staff = await currentStaff();
  if (!isAdmin(staff)) return { status: 'denied', message: deniedMessage };
  const parsed = StatusChange.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return badRequest;
  const input = parsed.data;
  // Disabling also ends the account's sessions, so enabling it later does not bring them back.
  const result = await changeAccount(input.userId, input.disabled ? { disabled: true, sessionsValidAfter: new Date() } : { disabled: false });
  if (result.kind === 'missing') return missing;
  if (result.kind === 'last-admin') return lastAdmin;
  if (result.kind === 'unchanged') {
    return { status: 'done', message: `${result.account.name}’s account is already ${input.disabled ? 'disabled' : 'enabled'}.` };
  }
  await logModeration({
    actor: staff,
    action: input.disabled ? 'user.disable' : 'user.enable',
    targetType: 'user',
    targetId: input.userId,
    before: audit(result.before),
    after: audit(result.after),
  });
  refresh();
  return {
    status: 'done',
    message: input.disabled
      ? `${result.after.name}’s account is disabled: they are signed out and cannot sign in.`
      : `${result.after.name}’s account is enabled: they can sign in again.`,
  };
}

export async function resetPassword(previous: AccountActionState, submitted: FormData): Promise<AccountActionState> {
  const formData = formDataOf(previous, submitted);
  const staff = await currentStaff();
  if (!isAdmin(staff)) return { status: 'denied', message: deniedMessage };
  const parsed = AccountTarget.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return badRequest;
  const input = parsed.data;
  if (input.userId === staff.id) return ownPassword;
  const password = generatePassword();
  const result = await changeAccount(input.userId, { passwordHash: await hashPassword(password), sessionsValidAfter: new Date() });
  if (result.kind === 'missing') return missing;
  if (result.kind !== 'changed') return badRequest;
  await logModeration({
    actor: staff,
    action: 'user.reset-password',
    targetType: 'user',
    targetId: input.userId,
    before: audit(result.before),
    after: audit(result.after),
  });
  refresh();
  return { status: 'done', message: `New password for ${result.after.name}:`, password };
}
