import type { Metadata } from 'next';
import { requireAdmin } from '@/auth';
import { readCommentSettings } from '@/db/settings';
import { settingsFormValues } from '@/lib/settings-form';
import { readFlash } from '@/lib/flash';
import type { SaveSettingsState } from './actions';
import { SettingsForm } from './settings-form';
import { mailIsOn } from '@/lib/mail/enabled';

export const metadata: Metadata = { title: 'Settings' };

// Read per request with the session, and rendered whole so that the form works without JavaScript.
export const instant = false;

export default async function SettingsPage() {
  await requireAdmin('/moderation/settings');
  const settings = await readCommentSettings();
  return (
    <>
      <h1>Comment settings</h1>
      <p className="desk-intro">These rules decide what happens to each new comment and how threads are shown. Changes apply at once.</p>
      <SettingsForm saved={settingsFormValues(settings)} answered={await readFlash<SaveSettingsState>('settings')} mailOn={mailIsOn()} />
    </>
  );
}
