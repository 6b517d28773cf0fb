import type { Role } from "~/generated/prisma/enums";

export const roleLabels: Record<Role, string> = {
  admin: "Admin",
  recruiter: "Recruiter",
  hiring_manager: "Hiring manager",
  interviewer: "Interviewer",
};

export const allRoles: Role[] = ["admin", "recruiter", "hiring_manager", "interviewer"];

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  switch (role) {
    case "interviewer":
      return "/rounds";
    case "hiring_manager":
      return "/loops";
    case "recruiter":
      return "/pipeline";
    case "admin":
      return "/admin/users";
  }
}
