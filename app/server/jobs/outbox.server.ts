import { env } from "~/env.server";
import { prisma } from "../db.server";

export async function latestOutbox() {
  const messages = await prisma.notification.findMany({
    where: { transport: "outbox" },
    orderBy: { sentAt: "desc" },
    take: 100,
    select: { id: true, subject: true, body: true, toEmail: true, sentAt: true },
  });
  return {
    smtpConfigured: Boolean(env.SMTP_URL),
    messages: messages.map((message) => ({ ...message, sentAt: message.sentAt.toISOString() })),
  };
}
