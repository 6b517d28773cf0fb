import { z } from "zod";

export const pageSchema = z.coerce
  .number({ error: "page must be a number" })
  .int("page must be a whole number")
  .min(1, "page starts at 1")
  .max(100_000, "page is too large")
  .catch(1);

export function pageFrom(request: Request): number {
  return pageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
}
