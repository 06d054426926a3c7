/**
 * Whether this site sends mail: SMTP_URL is set (server/mail.ts reads and checks it, with
 * MAIL_FROM). Off, nothing is queued or sent and nothing that needs mail is offered: the comment
 * form's notification boxes, the moderators' "Email me" settings, the desk's Mail page.
 */
export function mailIsOn(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SMTP_URL);
}
