import type { Role } from "~/generated/prisma/enums";

export interface NavItem {
  to: string;
  label: string;
}

/** The links each role sees in the top bar, home page first. */
export function navigationFor(role: Role): NavItem[] {
  const rounds = { to: "/rounds", label: "My rounds" };
  switch (role) {
    case "interviewer":
      return [rounds, { to: "/calibration", label: "My calibration" }];
    case "hiring_manager":
      return [{ to: "/loops", label: "My loops" }, { to: "/calibration", label: "Calibration" }, rounds];
    case "recruiter":
      return [{ to: "/pipeline", label: "Pipeline" }, rounds];
    case "admin":
      return [
        { to: "/admin/users", label: "People" },
        { to: "/admin/rubrics", label: "Rubrics" },
        { to: "/admin/kits", label: "Kits" },
        { to: "/admin/stages", label: "Stages" },
        { to: "/admin/outbox", label: "Outbox" },
        { to: "/pipeline", label: "Pipeline" },
        { to: "/loops", label: "Loops" },
        { to: "/calibration", label: "Calibration" },
      ];
  }
}
