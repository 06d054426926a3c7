import { requireAdmin } from '@/auth';
import { TimeStamp } from '@/components/time-stamp';
import { listUsers } from '@/db/users';
import { MIN_PASSWORD_LENGTH } from '@/lib/passwords';
import { roleNames, userRoles } from '@/lib/user-roles';
import { AccountActionForm, CreateAccountForm } from './account-forms';
import { changeRole, resetPassword, setAccountDisabled } from './actions';

/**
 * Where a form of this page posts without JavaScript, and is answered. React renders the action's
 * answer into the page made for the post when a form with the same action and the same address is
 * in it. It cannot be /moderation/users itself: Next resumes that page from its prerendered shell
 * for the post and leaves the answer out. These addresses are never prerendered, so the post gets
 * a whole render, answer included (./answer/[form]/page.tsx).
 */
const answerAt = (form: string) => `/moderation/users/answer/${form}`;

const roleOptions = userRoles.map((role) => ({ value: role, label: roleNames[role] }));

/** The People page: every desk account, its buttons, and the form for a new one. */
export async function People() {
  const me = await requireAdmin('/moderation/users');
  const accounts = await listUsers();
  return (
    <>
      <h1>People</h1>
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
                <td>{roleNames[account.role]}</td>
                <td>{account.disabled ? 'Disabled' : 'Active'}</td>
                <td>
                  <TimeStamp date={account.createdAt} dateOnly />
                </td>
                <td>
                  <div className="account-actions">
                    <AccountActionForm
                      action={changeRole}
                      answerAt={answerAt(`role-${account.id}`)}
                      userId={account.id}
                      choice={{ name: 'role', label: `Role for ${account.name}`, options: roleOptions, value: account.role }}
                      label="Change role"
                    />
                    <AccountActionForm
                      action={setAccountDisabled}
                      answerAt={answerAt(`access-${account.id}`)}
                      userId={account.id}
                      fields={{ disabled: account.disabled ? 'false' : 'true' }}
                      label={account.disabled ? 'Enable' : 'Disable'}
                    />
                    {account.id === me.id ? (
                      <span className="field-hint">Another admin can reset your password.</span>
                    ) : (
                      <AccountActionForm action={resetPassword} answerAt={answerAt(`password-${account.id}`)} userId={account.id} label="Reset password" />
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
        <CreateAccountForm minPasswordLength={MIN_PASSWORD_LENGTH} answerAt={answerAt('new-account')} />
      </section>
    </>
  );
}
