/**
 * The one error a server module throws when a request cannot be done: its
 * HTTP status, a message for the person, and optionally the form field it
 * concerns. It is a Response, so thrown from a loader (or not caught by an
 * action) Remix hands it to the route's error boundary with its status and
 * message; an action that owns a form turns it into that form's reply
 * instead (see form-reply.server.ts).
 */
export class ServiceError extends Response {
  readonly message: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown>;

  constructor(
    status: 400 | 401 | 403 | 404 | 409 | 413 | 414 | 415 | 422 | 429,
    message: string,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(JSON.stringify({ message, ...(options.field ? { field: options.field } : {}) }), {
      status,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
    this.message = message;
    this.field = options.field;
    this.details = options.details ?? {};
  }
}
