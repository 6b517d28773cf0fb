const DEFAULT_REDIRECT = "/";

/**
 * Returns `to` only when it is a path on this site; anything else (absolute
 * URLs, protocol-relative `//evil.com`, backslash tricks) becomes the default.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT): string {
  if (!to || typeof to !== "string") return fallback;
  const trimmed = to.trim();
  if (!trimmed.startsWith("/") || trimmed.startsWith("//") || trimmed.startsWith("/\\")) return fallback;
  // Control characters (CR/LF among them) could split headers or fool URL parsers.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(trimmed)) return fallback;
  return trimmed;
}
