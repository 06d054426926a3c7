import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from './smtp';

/** Speaks SMTP up to MAIL FROM, then resets the connection (RST), as a process killed mid-send does. */
function resetMidMessage(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const replies = ['EHLO test.example', 'MAIL FROM:<sender@example.com>'];
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      const code = chunk.toString().slice(0, 3);
      if (code !== '220' && code !== '250') return reject(new Error(`unexpected reply ${chunk.toString()}`));
      const line = replies.shift();
      if (line) return void socket.write(`${line}\r\n`);
      socket.resetAndDestroy();
      resolve();
    });
  });
}

describe('the test SMTP server', () => {
  let server: TestSmtpServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('records a client that resets its connection in the middle of a message, and keeps serving', async () => {
    server = await startSmtpServer();
    await resetMidMessage(server.port);
    await expect.poll(() => server!.errors.map((error) => (error as NodeJS.ErrnoException).code)).toEqual(['ECONNRESET']);
    expect(server.received).toEqual([]);
    await resetMidMessage(server.port);
    await expect.poll(() => server!.errors.length).toBe(2);
  });
});
