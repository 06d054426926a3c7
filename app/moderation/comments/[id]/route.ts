import { canModerate, currentStaff } from '@/auth';
import { findCommentForDesk } from '@/db/moderation';
import { parsePage } from '@/lib/params';
import { answeredWhenStorageFails } from '@/app/storage-unavailable';

type Context = { params: Promise<{ id: string }> };

const goTo = (location: string) => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'private, no-store' } });

/**
 * `/moderation/comments/ID`: the address a moderator's email gives for a comment. It leads to the
 * comment alone in whichever queue it is in now (a colleague may have decided it since the email
 * went). Checks the session itself: proxy.ts only sends a stranger to sign in first.
 */
export const GET = answeredWhenStorageFails('moderation', async function GET(_request: Request, context: Context) {
  const staff = await currentStaff();
  const id = parsePage((await context.params).id);
  if (!canModerate(staff)) return goTo(`/login?next=${encodeURIComponent(`/moderation/comments/${id ?? ''}`)}`);
  const comment = id === null ? null : await findCommentForDesk(id);
  if (!comment) return goTo('/moderation');
  const queue = comment.status === 'pending' ? '' : `queue=${comment.status}&`;
  return goTo(`/moderation?${queue}comment=${comment.id}`);
});
