import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requirePermission } from "~/server/auth/guards.server";
import { latestOutbox } from "~/server/jobs/outbox.server";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Outbox · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "outbox.read");
  return latestOutbox();
}

export default function OutboxPage() {
  const { messages, smtpConfigured } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p className="text-sm text-slate-700">
        {smtpConfigured
          ? "SMTP is configured, so reminders go out by email; messages written here before it was configured are kept."
          : "No SMTP_URL is configured, so reminders and notices are written here instead of being emailed."}
      </p>
      {messages.length === 0 ? (
        <EmptyState title="Nothing in the outbox">
          Reminders appear here when feedback is overdue or a round is a day away.
        </EmptyState>
      ) : (
        <ul className="space-y-2">
          {messages.map((message) => (
            <li key={message.id} className="card">
              <p className="font-semibold">{message.subject}</p>
              <p className="text-xs text-slate-600">
                To {message.toEmail} · {formatDateTime(message.sentAt)}
              </p>
              <pre className="mt-2 whitespace-pre-wrap text-sm">{message.body}</pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
