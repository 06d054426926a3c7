import type { Metadata } from 'next';
import { StoryPage } from '../story-page';

export const metadata: Metadata = { title: 'New story' };

// Read per request with the session, and rendered whole so that the form works without JavaScript.
export const instant = false;

export default function NewStoryPage() {
  return <StoryPage storyId={null} />;
}
