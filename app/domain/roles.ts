import type { Role } from "~/generated/prisma/enums";

export const roleLabels: Record<Role, string> = {
  admin: "Admin",
  recruiter: "Recruiter",
  hiring_manager: "Hiring manager",
  interviewer: "Interviewer",
};

export const allRoles: Role[] = ["admin", "recruiter", "hiring_manager", "interviewer"];
