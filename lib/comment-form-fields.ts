/**
 * The honeypot: a field people never see or fill (hidden by CSS, skipped by keyboard and autofill),
 * with a name that tempts form-filling bots.
 */
export const HONEYPOT_FIELD = 'company_website';
