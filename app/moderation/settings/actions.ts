'use server';

import { formDataOf } from '@/lib/action-args';
import { answerWithFlash } from '@/lib/flash';
import { updateTag } from 'next/cache';
import { currentStaff, isAdmin } from '@/auth';
import { logModeration } from '@/db/moderation-log';
import { replaceCommentSettings } from '@/db/settings';
import { tags } from '@/db/tags';
import { parseSettingsForm, type SettingsFieldErrors, type SettingsFormValues, settingsFormValues } from '@/lib/settings-form';

export type SaveSettingsState =
  | { status: 'idle' }
  | { status: 'denied'; message: string }
  | { status: 'invalid'; fieldErrors: SettingsFieldErrors; values: SettingsFormValues }
  | { status: 'saved'; message: string; values: SettingsFormValues };

/**
 * Saves the comment rules. New comments are judged by them at once (the comment action reads them
 * fresh); pages that render with them (thread depth, paging, closing) are invalidated by the tag.
 */
async function saveSettingsState(_previous: SaveSettingsState, formData: FormData): Promise<SaveSettingsState> {
  const staff = await currentStaff();
  if (!isAdmin(staff)) return { status: 'denied', message: 'Only an admin can do that. Nothing was changed.' };
  const parsed = parseSettingsForm(Object.fromEntries(formData));
  if (!parsed.success) return { status: 'invalid', fieldErrors: parsed.fieldErrors, values: parsed.values };
  const before = await replaceCommentSettings(parsed.data);
  await logModeration({ actor: staff, action: 'settings.update', targetType: 'settings', before, after: parsed.data });
  updateTag(tags.settings);
  return { status: 'saved', message: 'Settings saved.', values: settingsFormValues(parsed.data) };
}

// The actions the forms call: the work above, answered in place or, without JavaScript, by post-redirect-get.

export async function saveSettings(previous: SaveSettingsState, submitted: FormData): Promise<SaveSettingsState> {
  const formData = formDataOf(previous, submitted);
  return answerWithFlash(formData, 'settings', '/moderation/settings', await saveSettingsState(previous, formData));
}
