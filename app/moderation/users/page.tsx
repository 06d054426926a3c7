import type { Metadata } from 'next';
import { requireAdmin } from '@/auth';
import { TimeStamp } from '@/components/time-stamp';
import { listUsers } from '@/db/users';
import { MIN_PASSWORD_LENGTH } from '@/lib/passwords';
import { readFlash } from '@/lib/flash';
import { AccountActionForm, CreateAccountForm } from './account-forms';
import type { AccountActionState, CreateAccountState } from './actions';
import { changeRole, resetPassword, setAccountDisabled } from './actions';

export const metadata: Metadata = { title: 'People' };

// Read per request with the session, and rendered whole so that the forms work without JavaScript.
export const instant = false;

export default async function UsersPage() {
  const me = await requireAdmin('/moderation/users');
  const accounts = listUsers();
  // What a form posted without JavaScript answered (see lib/flash.ts).
  const answered = await readFlash<CreateAccountState | AccountActionState>('users');
  const forCreate = answered && (answered.status === 'invalid' || answered.status === 'created') ? (answered as CreateAccountState) : null;
  const forRow = answered && !forCreate ? (answered as AccountActionState) : null;
  return (
    <>
      <h1>People</h1>
      {forRow && forRow.status !== 'idle' ? (
        <p className={forRow.status === 'done' ? 'form-notice' : 'form-error'} role="status">
          {forRow.message}
          {forRow.status === 'done' && forRow.password ? (
            <>
              {' '}
              <code className="shown-once">{forRow.password}</code> Copy it now: it will not be shown again.
            </>
          ) : null}
        </p>
      ) : null}
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">Accounts</h2>
        <table className="desk-accounts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} className={account.disabled ? 'is-disabled' : undefined}>
                <th scope="row">
                  {account.name}
                  {account.id === me.id ? <span className="desk-role"> (you)</span> : null}
                </th>
                <td>{account.email}</td>
                <td>{account.role === 'admin' ? 'Admin' : 'Moderator'}</td>
                <td>{account.disabled ? 'Disabled' : 'Active'}</td>
                <td>
                  <TimeStamp date={account.createdAt} dateOnly />
                </td>
                <td>
                  <div className="account-actions">
                    <AccountActionForm
                      action={changeRole}
                      userId={account.id}
                      fields={{ role: account.role === 'admin' ? 'moderator' : 'admin' }}
                      label={account.role === 'admin' ? 'Make moderator' : 'Make admin'}
                    />
                    <AccountActionForm
                      action={setAccountDisabled}
                      userId={account.id}
                      fields={{ disabled: account.disabled ? 'false' : 'true' }}
                      label={account.disabled ? 'Enable' : 'Disable'}
                    />
                    {account.id === me.id ? (
                      <span className="field-hint">Another admin can reset your password.</span>
                    ) : (
                      <AccountActionForm action={resetPassword} userId={account.id} label="Reset password" />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="new-account-title" className="desk-section">
        <h2 id="new-account-title">Create an account</h2>
        <CreateAccountForm minPasswordLength={MIN_PASSWORD_LENGTH} answered={forCreate} />
      </section>
    </>
  );
}
