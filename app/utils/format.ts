// Dates render identically on server and client (no hydration mismatch), in UTC.
const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});
const dateOnly = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return "Not scheduled";
  return `${dateTime.format(new Date(iso))} UTC`;
}

export function formatDate(iso: string | Date | null | undefined): string {
  if (!iso) return "—";
  return dateOnly.format(new Date(iso));
}

const timestamp = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** A moment to the second, with its year: for records such as the audit log. */
export function formatTimestamp(iso: string | Date): string {
  return `${timestamp.format(new Date(iso))} UTC`;
}
