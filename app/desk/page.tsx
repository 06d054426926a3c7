import { redirect } from 'next/navigation';
import { requireWriter } from '@/auth';

/** The newsroom desk opens on its stories. */
export default async function NewsroomHome() {
  await requireWriter();
  redirect('/desk/stories');
}
