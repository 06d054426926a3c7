import { z } from 'zod';
import { plainTextIfString } from './plain-text';
import { CommentSettings } from './comment-settings';

/**
 * The comment settings form on /moderation/settings as the server receives it: checkboxes are 'on'
 * or absent, word lists are textareas with one word or phrase per line, numbers arrive as typed
 * text, and an empty "close after" means never. Bounds match CommentSettings (a test checks).
 */

export const numberFields = [
  'linkThreshold',
  'closeAfterDays',
  'threadDepth',
  'commentsPerPage',
  'floodIntervalSeconds',
  'minFillSeconds',
  'reportThreshold',
  'editWindowMinutes',
] as const;
export const wordListFields = ['moderationWords', 'disallowedWords'] as const;
export const checkboxFields = ['manualApproval', 'approvePreviouslyApproved', 'emailOnHeld', 'emailOnReported'] as const;

type NumberField = (typeof numberFields)[number];
type WordListField = (typeof wordListFields)[number];
type CheckboxField = (typeof checkboxFields)[number];
export type SettingsField = NumberField | WordListField | CheckboxField;

export const settingsLimits = {
  linkThreshold: { min: 0, max: 100 },
  closeAfterDays: { min: 1, max: 3650 },
  threadDepth: { min: 1, max: 10 },
  commentsPerPage: { min: 5, max: 500 },
  floodIntervalSeconds: { min: 0, max: 3600 },
  minFillSeconds: { min: 0, max: 60 },
  reportThreshold: { min: 1, max: 100 },
  editWindowMinutes: { min: 0, max: 1440 },
} as const satisfies Record<NumberField, { min: number; max: number }>;

export const MAX_WORD_LENGTH = 200;
export const MAX_WORDS = 1000;

export const settingsMessages = {
  linkThreshold: 'Enter a whole number of links from 0 to 100 (0 turns this check off).',
  closeAfterDays: 'Enter a whole number of days from 1 to 3650, or leave it empty to keep comments open.',
  threadDepth: 'Enter a whole number of levels from 1 to 10.',
  commentsPerPage: 'Enter a whole number of comments from 5 to 500.',
  floodIntervalSeconds: 'Enter a whole number of seconds from 0 to 3600 (0 turns flood control off).',
  minFillSeconds: 'Enter a whole number of seconds from 0 to 60 (0 turns this check off).',
  reportThreshold: 'Enter a whole number of reports from 1 to 100.',
  editWindowMinutes: 'Enter a whole number of minutes from 0 to 1440 (0 turns editing off).',
  wordTooLong: `Each word or phrase can be at most ${MAX_WORD_LENGTH} characters.`,
  tooManyWords: `Enter at most ${MAX_WORDS.toLocaleString('en-GB')} words or phrases.`,
} as const;

/** What the form shows in its fields: the saved settings, or what was typed after an error. */
export type SettingsFormValues = Record<CheckboxField, boolean> & Record<NumberField | WordListField, string>;
export type SettingsFieldErrors = Partial<Record<SettingsField, string>>;

/** Room for the longest valid word list; anything longer is not echoed back in full. */
const MAX_TYPED = 250_000;

function wholeNumber(field: NumberField) {
  const { min, max } = settingsLimits[field];
  const message = settingsMessages[field];
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));
}

const checkbox = z.unknown().optional().transform((value) => value === 'on' || value === 'true');

const wordList = z
  .preprocess((value) => plainTextIfString(value ?? ''), z.string({ error: 'Enter one word or phrase per line.' }))
  .transform((text) => {
    const seen = new Set<string>();
    const words: string[] = [];
    for (const line of text.split(/\r\n|\r|\n/)) {
      const word = line.trim();
      // Matching ignores case, so "Casino" and "casino" are one entry; the first spelling is kept.
      if (!word || seen.has(word.toLowerCase())) continue;
      seen.add(word.toLowerCase());
      words.push(word);
    }
    return words;
  })
  .pipe(z.array(z.string().max(MAX_WORD_LENGTH, settingsMessages.wordTooLong)).max(MAX_WORDS, settingsMessages.tooManyWords));

const SettingsForm = z.object({
  manualApproval: checkbox,
  approvePreviouslyApproved: checkbox,
  emailOnHeld: checkbox,
  emailOnReported: checkbox,
  linkThreshold: wholeNumber('linkThreshold'),
  moderationWords: wordList,
  disallowedWords: wordList,
  closeAfterDays: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    wholeNumber('closeAfterDays').nullable(),
  ),
  threadDepth: wholeNumber('threadDepth'),
  commentsPerPage: wholeNumber('commentsPerPage'),
  floodIntervalSeconds: wholeNumber('floodIntervalSeconds'),
  minFillSeconds: wholeNumber('minFillSeconds'),
  reportThreshold: wholeNumber('reportThreshold'),
  editWindowMinutes: wholeNumber('editWindowMinutes'),
});

const fields: readonly SettingsField[] = [...checkboxFields, ...numberFields, ...wordListFields];

function isField(key: PropertyKey | undefined): key is SettingsField {
  return typeof key === 'string' && (fields as readonly string[]).includes(key);
}

/** The fields as typed, to put back in the form after an error (files and missing fields become empty). */
export function settingsValuesFrom(raw: Record<string, unknown>): SettingsFormValues {
  const text = (key: NumberField | WordListField) => (typeof raw[key] === 'string' ? (raw[key] as string).slice(0, MAX_TYPED) : '');
  return {
    manualApproval: raw.manualApproval === 'on' || raw.manualApproval === 'true',
    approvePreviouslyApproved: raw.approvePreviouslyApproved === 'on' || raw.approvePreviouslyApproved === 'true',
    emailOnHeld: raw.emailOnHeld === 'on' || raw.emailOnHeld === 'true',
    emailOnReported: raw.emailOnReported === 'on' || raw.emailOnReported === 'true',
    linkThreshold: text('linkThreshold'),
    moderationWords: text('moderationWords'),
    disallowedWords: text('disallowedWords'),
    closeAfterDays: text('closeAfterDays'),
    threadDepth: text('threadDepth'),
    commentsPerPage: text('commentsPerPage'),
    floodIntervalSeconds: text('floodIntervalSeconds'),
    minFillSeconds: text('minFillSeconds'),
    reportThreshold: text('reportThreshold'),
    editWindowMinutes: text('editWindowMinutes'),
  };
}

/** Saved settings as the form shows them. */
export function settingsFormValues(settings: CommentSettings): SettingsFormValues {
  return {
    manualApproval: settings.manualApproval,
    approvePreviouslyApproved: settings.approvePreviouslyApproved,
    emailOnHeld: settings.emailOnHeld,
    emailOnReported: settings.emailOnReported,
    linkThreshold: String(settings.linkThreshold),
    moderationWords: settings.moderationWords.join('\n'),
    disallowedWords: settings.disallowedWords.join('\n'),
    closeAfterDays: settings.closeAfterDays === null ? '' : String(settings.closeAfterDays),
    threadDepth: String(settings.threadDepth),
    commentsPerPage: String(settings.commentsPerPage),
    floodIntervalSeconds: String(settings.floodIntervalSeconds),
    minFillSeconds: String(settings.minFillSeconds),
    reportThreshold: String(settings.reportThreshold),
    editWindowMinutes: String(settings.editWindowMinutes),
  };
}

export function parseSettingsForm(
  raw: Record<string, unknown>,
): { success: true; data: CommentSettings } | { success: false; fieldErrors: SettingsFieldErrors; values: SettingsFormValues } {
  const values = settingsValuesFrom(raw);
  const parsed = SettingsForm.safeParse(raw);
  if (parsed.success) {
    // The stored shape is CommentSettings; parsing through it keeps the two schemas from drifting apart.
    const settings = CommentSettings.safeParse(parsed.data);
    if (settings.success) return { success: true, data: settings.data };
    return { success: false, fieldErrors: errorsFrom(settings.error.issues), values };
  }
  return { success: false, fieldErrors: errorsFrom(parsed.error.issues), values };
}

function errorsFrom(issues: readonly z.core.$ZodIssue[]): SettingsFieldErrors {
  const fieldErrors: SettingsFieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (!isField(field)) continue;
    const numeric = (numberFields as readonly string[]).includes(field);
    fieldErrors[field] ??= numeric ? settingsMessages[field as NumberField] : issue.message;
  }
  return fieldErrors;
}
