import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message as the server took it: the SMTP envelope, who signed in to send it, and the message parsed. */
export type ReceivedMail = {
  envelope: { from: string | null; to: string[] };
  /** The user the client authenticated as, when it did. */
  user: string | undefined;
  parsed: ParsedMail;
};

export type TestSmtpServer = {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  port: number;
  /** Every message accepted so far, in order. A message is here before the client's send resolves. */
  received: ReceivedMail[];
  /** Connections opened so far, so a test can show that nothing was even attempted. */
  connections: () => number;
  /** Errors on client connections (a client that cut its connection mid-message), in order. */
  errors: Error[];
  stop: () => Promise<void>;
};

export type TestSmtpOptions = {
  /** Refuse mail from clients that do not sign in with these (over plain text: the server is on loopback). */
  auth?: { user: string; pass: string };
  /** Recipients answered with a permanent 550, as a server does for an unknown mailbox. */
  refuseRecipient?: (address: string) => boolean;
};

/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port inside the test process,
 * without TLS. Each message is parsed with mailparser before the server answers the client's DATA, so
 * once nodemailer's `sendMail` resolves the message is in `received`: tests need no waiting.
 */
export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const errors: Error[] = [];
  let connections = 0;
  const { auth, refuseRecipient } = options;
  const server = new SMTPServer({
    authOptional: !auth,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.pass) return callback(null, { user: credentials.username });
      callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (refuseRecipient?.(address.address)) return callback(Object.assign(new Error(`<${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          received.push({
            envelope: { from: addressOf(session.envelope.mailFrom), to: session.envelope.rcptTo.map((rcpt) => rcpt.address) },
            user: typeof session.user === 'string' ? session.user : undefined,
            parsed,
          });
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  // smtp-server passes a connection's socket error (a client's reset during a message) to the server's
  // 'error' event, which would otherwise be thrown in the test process and fail whichever test runs.
  // A message cut off that way is simply not in `received`, which is what tests look at.
  server.on('error', (error) => errors.push(error));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    connections: () => connections,
    errors,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addressOf(mailFrom: SMTPServerAddress | false): string | null {
  return mailFrom ? mailFrom.address : null;
}
