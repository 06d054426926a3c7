import { requireModerator } from '@/auth';

export default async function DeskPage() {
  await requireModerator();
  return <h1>Comments</h1>;
}
