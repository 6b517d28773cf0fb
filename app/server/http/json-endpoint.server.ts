/**
 * For endpoints that scripts call (the feedback autosave): whatever happens,
 * the answer is JSON `{ ok: false, reason, message }` with the right status,
 * never an HTML page or a redirect, so the caller can always tell the person
 * what went wrong. Guards throw `data()` or Responses; they are converted here.
 */
type Handler<Args> = (args: Args) => Promise<Response>;

function thrownStatusAndMessage(thrown: unknown): { status: number; message: string } | null {
  if (thrown instanceof Response) {
    return { status: thrown.status, message: thrown.statusText || `The request was refused (${thrown.status}).` };
  }
  if (typeof thrown === "object" && thrown !== null && (thrown as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = thrown as { data: unknown; init: ResponseInit | null };
    const message =
      typeof data === "object" && data && "message" in data && typeof data.message === "string"
        ? data.message
        : "The request was refused.";
    return { status: init?.status ?? 400, message };
  }
  return null;
}

export function jsonEndpoint<Args>(handler: Handler<Args>): Handler<Args> {
  return async (args) => {
    try {
      return await handler(args);
    } catch (thrown) {
      const refused = thrownStatusAndMessage(thrown);
      if (refused)
        return Response.json({ ok: false, reason: "refused", message: refused.message }, { status: refused.status });
      console.error(thrown);
      return Response.json(
        {
          ok: false,
          reason: "error",
          message: "Something went wrong on the server; your typing is kept in this browser.",
        },
        { status: 500 },
      );
    }
  };
}

/** A JSON 405 for methods the endpoint does not answer. */
export function jsonMethodNotAllowed(allowed: string): Response {
  return Response.json(
    { ok: false, reason: "method", message: `This address answers ${allowed} only.` },
    { status: 405, headers: { Allow: allowed } },
  );
}
