import { z } from "zod";
import { roles } from "~/domain/vocabulary";
import { emailSchema, newPasswordSchema } from "./auth";

export const roleSchema = z.enum(roles, {
  error: "Choose a role",
});

export const createUserSchema = z.object({
  intent: z.literal("create"),
  name: z
    .string({ error: "Enter the person's name" })
    .trim()
    .min(1, "Enter the person's name")
    .max(120, "Use at most 120 characters"),
  email: emailSchema,
  role: roleSchema,
  password: newPasswordSchema,
});

export const changeRoleSchema = z.object({
  intent: z.literal("change-role"),
  userId: z.string().min(1),
  role: roleSchema,
});

export const setActiveSchema = z.object({
  intent: z.enum(["deactivate", "reactivate"]),
  userId: z.string().min(1),
  // Deactivating someone with open rounds: "yes" once the admin has seen them listed.
  confirm: z.enum(["yes"]).optional(),
});

/** The two grants a hiring manager can hold: read every loop's debrief; read outcome-linked validity. */
export const changeGrantsSchema = z.object({
  intent: z.literal("change-grants"),
  userId: z.string().min(1),
  committeeMember: z.literal("on").optional(),
  peopleAnalytics: z.literal("on").optional(),
});
