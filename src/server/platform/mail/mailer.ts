import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type Mail = { to: string; subject: string; text: string; html?: string };

/**
 * Sends mail over SMTP when SMTP_URL is set (e.g. smtp://user:pass@host:587). Without it (the
 * embedded demo) each message is appended to <data dir>/mail.log as one JSON line, so reset
 * links can be followed without a mail server.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string; dataDir: string }) {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  const logFile = path.join(options.dataDir, 'mail.log');
  return {
    async send(mail: Mail): Promise<void> {
      if (transport) {
        await transport.sendMail({ from: options.from, ...mail });
        return;
      }
      fs.mkdirSync(options.dataDir, { recursive: true });
      fs.appendFileSync(logFile, `${JSON.stringify({ at: new Date().toISOString(), from: options.from, ...mail })}\n`);
    },
    describe(): string {
      return transport ? 'SMTP' : `file ${logFile}`;
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;
