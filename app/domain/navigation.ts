import { can, type Capability, type Person } from "./permissions";

export interface NavItem {
  to: string;
  label: string;
}

/**
 * Every top-bar link with the capability it needs, in display order. A person
 * sees the links their role grants, so navigation can never offer a page the
 * server would refuse.
 */
const links: { to: string; capability: Capability; label: (person: Pick<Person, "role">) => string }[] = [
  { to: "/admin/users", capability: "people.manage", label: () => "People" },
  { to: "/admin/rubrics", capability: "rubrics.manage", label: () => "Rubrics" },
  { to: "/admin/templates", capability: "rubrics.manage", label: () => "Templates" },
  { to: "/admin/kits", capability: "kits.manage", label: () => "Kits" },
  { to: "/admin/stages", capability: "stages.manage", label: () => "Stages" },
  { to: "/admin/outbox", capability: "outbox.read", label: () => "Outbox" },
  { to: "/admin/audit", capability: "audit.read", label: () => "Audit log" },
  { to: "/pipeline", capability: "pipeline.read", label: () => "Pipeline" },
  { to: "/loops", capability: "loops.list", label: (person) => (person.role === "admin" ? "Loops" : "My loops") },
  { to: "/outcomes", capability: "outcomes.record", label: () => "Outcomes" },
  { to: "/calibration", capability: "calibration.all", label: () => "Calibration" },
  { to: "/calibration", capability: "calibration.own", label: () => "My calibration" },
  { to: "/rounds", capability: "rounds.own", label: () => "My rounds" },
];

/** The links a person sees in the top bar. Their home page (see homePathFor) comes first. */
export function navigationFor(person: Pick<Person, "role">): NavItem[] {
  const items: NavItem[] = [];
  for (const link of links) {
    if (!can(person, link.capability) || items.some((item) => item.to === link.to)) continue;
    items.push({ to: link.to, label: link.label(person) });
  }
  const home = homePathFor(person.role);
  return [...items.filter((item) => item.to === home), ...items.filter((item) => item.to !== home)];
}

/** Where each role lands after signing in. */
export function homePathFor(role: Person["role"]): string {
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
