import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

function messageFrom(data: unknown): string | null {
  if (data && typeof data === "object" && "message" in data && typeof data.message === "string") return data.message;
  if (typeof data === "string" && data.length < 300) return data;
  return null;
}

const defaults: Record<number, { title: string; text: string }> = {
  400: { title: "That request could not be read", text: "Something in the address or the form was not valid." },
  403: {
    title: "Not available to you",
    text: "Your role does not give access to this page. If you think it should, ask an admin.",
  },
  404: {
    title: "Page not found",
    text: "There is nothing at this address. It may have moved, or the link may be mistyped.",
  },
  405: { title: "Not something this page does", text: "This page cannot take that kind of request." },
  413: { title: "That was too much to send", text: "The form was larger than the server accepts. Nothing was saved." },
  415: { title: "That request was not a form", text: "This page accepts forms only. Nothing was saved." },
  429: { title: "Too many attempts", text: "Wait a little, then try again." },
};

function ErrorPanel({ status, title, text }: { status?: number; title: string; text: string }) {
  return (
    <section role="alert" className="mx-auto my-12 max-w-xl card">
      {status ? <p className="text-sm font-semibold text-slate-600">Error {status}</p> : null}
      <h1 className="mt-1 text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-slate-700">{text}</p>
      <p className="mt-6">
        <Link to="/" className="link">
          Go to your home page
        </Link>
      </p>
    </section>
  );
}

/** Shown by every route when a loader, an action or the render fails. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const known = defaults[error.status];
    return (
      <ErrorPanel
        status={error.status}
        title={known?.title ?? "Something went wrong"}
        text={messageFrom(error.data) ?? known?.text ?? error.statusText}
      />
    );
  }
  return (
    <ErrorPanel
      title="Something went wrong"
      text="An unexpected error stopped this page. Nothing you submitted was half-saved; try again, and if it keeps happening tell an admin."
    />
  );
}
