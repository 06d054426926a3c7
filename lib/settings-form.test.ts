import { describe, expect, it } from 'vitest';
import { CommentSettings, defaultCommentSettings } from './comment-settings';
import {
  MAX_WORD_LENGTH,
  MAX_WORDS,
  numberFields,
  parseSettingsForm,
  settingsFormValues,
  settingsLimits,
  settingsMessages,
} from './settings-form';

/** The form as a browser sends it with every box ticked and the defaults typed in. */
const valid: Record<string, string> = {
  manualApproval: 'on',
  approvePreviouslyApproved: 'on',
  linkThreshold: '2',
  moderationWords: '',
  disallowedWords: '',
  closeAfterDays: '',
  threadDepth: '5',
  commentsPerPage: '50',
  floodIntervalSeconds: '15',
  minFillSeconds: '3',
  reportThreshold: '3',
  editWindowMinutes: '10',
};

const parse = (patch: Record<string, string | undefined>) => {
  const raw: Record<string, unknown> = { ...valid, ...patch };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  return parseSettingsForm(raw);
};
const errorsOf = (patch: Record<string, string | undefined>) => {
  const result = parse(patch);
  return result.success ? {} : result.fieldErrors;
};
const dataOf = (patch: Record<string, string | undefined>) => {
  const result = parse(patch);
  if (!result.success) throw new Error(JSON.stringify(result.fieldErrors));
  return result.data;
};

describe('parseSettingsForm', () => {
  it('reads the defaults as typed into the form', () => {
    expect(parse({})).toEqual({ success: true, data: defaultCommentSettings });
  });

  it('reads a ticked checkbox as on and a missing one as off', () => {
    expect(dataOf({ manualApproval: undefined }).manualApproval).toBe(false);
    expect(dataOf({ approvePreviouslyApproved: undefined }).approvePreviouslyApproved).toBe(false);
    expect(dataOf({}).manualApproval).toBe(true);
  });

  it('reads word lists one per line, trimmed, without blanks or repeats that differ only in case', () => {
    const data = dataOf({ moderationWords: '  casino \r\n\n Casino\nfree money, now\r\n\t\nviagra ', disallowedWords: 'zzbad' });
    expect(data.moderationWords).toEqual(['casino', 'free money, now', 'viagra']);
    expect(data.disallowedWords).toEqual(['zzbad']);
  });

  it('treats a missing word list as empty', () => {
    expect(dataOf({ moderationWords: undefined }).moderationWords).toEqual([]);
  });

  it('refuses a word or phrase that is too long, or too many of them', () => {
    expect(errorsOf({ moderationWords: `ok\n${'x'.repeat(MAX_WORD_LENGTH + 1)}` }).moderationWords).toBe(settingsMessages.wordTooLong);
    expect(errorsOf({ disallowedWords: 'x'.repeat(MAX_WORD_LENGTH) }).disallowedWords).toBeUndefined();
    const many = Array.from({ length: MAX_WORDS + 1 }, (_, i) => `word${i}`).join('\n');
    expect(errorsOf({ disallowedWords: many }).disallowedWords).toBe(settingsMessages.tooManyWords);
  });

  it('keeps comments open when "close after" is empty, and closes after a number of days', () => {
    expect(dataOf({ closeAfterDays: '   ' }).closeAfterDays).toBeNull();
    expect(dataOf({ closeAfterDays: ' 14 ' }).closeAfterDays).toBe(14);
    expect(errorsOf({ closeAfterDays: '0' }).closeAfterDays).toBe(settingsMessages.closeAfterDays);
  });

  it('takes whole numbers only, in plain English when they are not', () => {
    for (const typed of ['abc', '', ' ', '2.5', '-1', '1e2', '0x10', '+3', '99999999999999999999']) {
      expect(errorsOf({ reportThreshold: typed }).reportThreshold, typed).toBe(settingsMessages.reportThreshold);
    }
    expect(dataOf({ reportThreshold: ' 007 ' }).reportThreshold).toBe(7);
  });

  it('needs every number field', () => {
    for (const field of numberFields) {
      if (field === 'closeAfterDays') continue;
      expect(errorsOf({ [field]: undefined })[field], field).toBe(settingsMessages[field]);
    }
  });

  it('holds each number to its range', () => {
    expect(errorsOf({ threadDepth: '0' }).threadDepth).toBe(settingsMessages.threadDepth);
    expect(errorsOf({ threadDepth: '11' }).threadDepth).toBe(settingsMessages.threadDepth);
    expect(dataOf({ linkThreshold: '0', floodIntervalSeconds: '0', minFillSeconds: '0' })).toMatchObject({
      linkThreshold: 0,
      floodIntervalSeconds: 0,
      minFillSeconds: 0,
    });
    expect(errorsOf({ commentsPerPage: '4' }).commentsPerPage).toBe(settingsMessages.commentsPerPage);
    expect(errorsOf({ minFillSeconds: '61' }).minFillSeconds).toBe(settingsMessages.minFillSeconds);
  });

  it('uses the same bounds as the stored settings', () => {
    for (const field of numberFields) {
      const { min, max } = settingsLimits[field];
      expect(CommentSettings.safeParse({ [field]: min }).success, `${field} ${min}`).toBe(true);
      expect(CommentSettings.safeParse({ [field]: max }).success, `${field} ${max}`).toBe(true);
      expect(CommentSettings.safeParse({ [field]: min - 1 }).success, `${field} ${min - 1}`).toBe(false);
      expect(CommentSettings.safeParse({ [field]: max + 1 }).success, `${field} ${max + 1}`).toBe(false);
      expect(dataOf({ [field]: String(min) })[field]).toBe(min);
      expect(dataOf({ [field]: String(max) })[field]).toBe(max);
      expect(errorsOf({ [field]: String(max + 1) })[field]).toBe(settingsMessages[field]);
    }
  });

  it('reports every bad field at once, and gives back what was typed', () => {
    const result = parse({ threadDepth: '0', reportThreshold: 'abc', moderationWords: 'keep\nthis', manualApproval: undefined });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.fieldErrors).toEqual({ threadDepth: settingsMessages.threadDepth, reportThreshold: settingsMessages.reportThreshold });
    expect(result.values).toMatchObject({ threadDepth: '0', reportThreshold: 'abc', moderationWords: 'keep\nthis', manualApproval: false, approvePreviouslyApproved: true });
  });

  it('ignores fields it does not know', () => {
    expect(dataOf({ $ACTION_ID_abc: '', extra: 'x' })).toEqual(defaultCommentSettings);
  });
});

describe('settingsFormValues', () => {
  it('shows saved settings as the form types them, and reads back the same', () => {
    const saved: CommentSettings = {
      ...defaultCommentSettings,
      moderationWords: ['casino', 'free money'],
      closeAfterDays: 30,
      manualApproval: false,
    };
    const values = settingsFormValues(saved);
    expect(values).toMatchObject({ moderationWords: 'casino\nfree money', closeAfterDays: '30', manualApproval: false, threadDepth: '5' });
    const form: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) {
      if (value === true) form[key] = 'on';
      else if (typeof value === 'string') form[key] = value;
    }
    expect(parseSettingsForm(form)).toEqual({ success: true, data: saved });
    expect(settingsFormValues(defaultCommentSettings).closeAfterDays).toBe('');
  });
});
