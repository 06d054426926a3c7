/** What a commenter who asked for notifications is told after posting, by where their address stands. */
export const postingMailMessages = {
  confirmed: 'We will email you when there is something new.',
  unconfirmed: 'We have emailed you a link to confirm your address: notifications start once you confirm it.',
  // Said as plainly as the rest: the address's owner asked for no mail from this site.
  blocked: 'This email address has asked not to receive mail from us, so no notifications will be sent.',
} as const;
