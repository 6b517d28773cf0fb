import fs from "node:fs";
import { describe, expect, it } from "vitest";

describe("migrations", () => {
  it("cover every change to prisma/schema.prisma (run npm run db:migration -- <name> after editing it)", () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const snapshot = fs.readFileSync("prisma/migrations/schema.snapshot.prisma", "utf8");
    expect(schema === snapshot, "prisma/schema.prisma differs from the schema of the last migration").toBe(true);
  });
});
