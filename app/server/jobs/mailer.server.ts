import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/env.server";
import { prisma } from "../db.server";

export interface OutgoingMail {
  kind: string;
  toUserId: string;
  toEmail: string;
  roundId: string | null;
  subject: string;
  body: string;
}

let transport: Transporter | null | undefined;
function smtp(url: string | undefined) {
  if (transport === undefined) transport = url ? nodemailer.createTransport(url) : null;
  return transport;
}

/**
 * Sends through SMTP_URL when configured; otherwise the message goes to the
 * outbox, which admins read in the app (development, demos). Either way it is
 * recorded as a Notification, so recruiters see who was reminded when.
 */
export async function sendMail(mail: OutgoingMail, options: { smtpUrl?: string } = {}) {
  const client = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : smtp(env.SMTP_URL);
  if (client) await client.sendMail({ from: env.MAIL_FROM, to: mail.toEmail, subject: mail.subject, text: mail.body });
  await prisma.notification.create({ data: { ...mail, transport: client ? "smtp" : "outbox" } });
}
