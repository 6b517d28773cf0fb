/**
 * What a form request must look like, shared by the HTTP layer (which screens
 * every request before Remix) and by actions (readForm, for requests that
 * reach them some other way, such as in-process tests). A bad request gets a
 * 4xx with a sentence saying what was wrong, never a 500.
 */

export interface Rejection {
  status: 400 | 413 | 414 | 415;
  message: string;
}

export const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;

export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export function tooLarge(limit: number): Rejection {
  return {
    status: 413,
    message: `That was more than ${formatBytes(limit)}, the most one form may send. Shorten the longest text and try again; nothing was saved.`,
  };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** 415 unless the body is declared as a form. */
export function contentTypeProblem(contentType: string | null | undefined): Rejection | null {
  const type = mediaType(contentType);
  if ((FORM_TYPES as readonly string[]).includes(type)) {
    if (type === "multipart/form-data" && !/;\s*boundary=/i.test(contentType ?? "")) {
      return { status: 400, message: "The form could not be read: its multipart body names no boundary." };
    }
    return null;
  }
  return {
    status: 415,
    message: `This address accepts forms only (application/x-www-form-urlencoded or multipart/form-data), and the request sent ${type ? type : "no content type"}.`,
  };
}

const NUL = "\u0000";

/** 400 when a field name or value holds a NUL character (PostgreSQL cannot store one in text). */
export function fieldProblem(entries: Iterable<[string, FormDataEntryValue | string]>): Rejection | null {
  for (const [name, value] of entries) {
    if (name.includes(NUL) || (typeof value === "string" && value.includes(NUL))) {
      return {
        status: 400,
        message: "The form contains a NUL character (\\0), which cannot be stored. Remove it and send the form again.",
      };
    }
  }
  return null;
}

// NUL, as an escape or raw, and any other C0 control character or DEL.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_URL = /%00|[\u0000-\u001f\u007f]/i;
export const MAX_URL_LENGTH = 4096;

/**
 * 4xx for addresses no page could answer: control characters or NUL anywhere
 * in the path or query (they would reach the database as ids or search
 * terms), over-long addresses, and the pre-single-fetch `?_data=` protocol,
 * which Remix answers with a 500.
 */
export function urlProblem(pathAndQuery: string): Rejection | null {
  if (pathAndQuery.length > MAX_URL_LENGTH) {
    return { status: 414, message: `That address is longer than ${MAX_URL_LENGTH} characters.` };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathAndQuery.replace(/\+/g, " "));
  } catch {
    return { status: 400, message: "That address has a malformed %-escape." };
  }
  if (CONTROL_IN_URL.test(pathAndQuery) || CONTROL_IN_URL.test(decoded)) {
    return { status: 400, message: "That address contains a control character (such as NUL), which no page accepts." };
  }
  const query = pathAndQuery.indexOf("?");
  if (query !== -1 && new URLSearchParams(pathAndQuery.slice(query + 1)).has("_data")) {
    return { status: 400, message: "This app does not answer ?_data= requests." };
  }
  return null;
}
