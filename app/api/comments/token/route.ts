import { connection, NextResponse } from 'next/server';
import { issueFormToken } from '@/lib/comment-cookies';

/** A fresh signed "form shown at" time, asked for by the comment form when the reader starts typing. */
export async function GET() {
  await connection();
  return NextResponse.json({ token: issueFormToken(new Date()) }, { headers: { 'Cache-Control': 'private, no-store' } });
}
