import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SignOutEverywhereForm } from "~/components/sign-out-everywhere-form";
import { Field, FieldErrors } from "~/components/field";
import { PASSWORD_MIN_LENGTH } from "~/schemas/auth";
import { changeGrantsSchema, changeRoleSchema, createUserSchema, setActiveSchema } from "~/schemas/users";
import { requirePermission } from "~/server/auth/guards.server";
import { deactivateUser, type OpenAssignment } from "~/server/users/deactivation.server";
import { changeGrants, changeRole, createUserAccount, listUsers, reactivateUser } from "~/server/users/users.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { ServiceError } from "~/server/service-error.server";
import { roleLabels, roles } from "~/domain/vocabulary";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction = () => [{ title: "People · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requirePermission({ request, context }, "people.manage");
  const users = await listUsers();
  return { users: users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() })), adminId: admin.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission({ request, context }, "people.manage");
  const formData = await readForm({ request, context });
  const intent = formData.get("intent");

  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: createUserSchema });
    if (submission.status !== "success") {
      return data(
        { create: submission.reply({ hideFields: ["password"] }), notice: null, confirmDeactivation: null },
        { status: 400 },
      );
    }
    try {
      await createUserAccount(admin.id, submission.value);
    } catch (error) {
      if (error instanceof ServiceError) {
        return data(
          {
            create: submission.reply({ fieldErrors: { email: [error.message] }, hideFields: ["password"] }),
            notice: null,
            confirmDeactivation: null,
          },
          { status: 409 },
        );
      }
      throw error;
    }
    return {
      create: submission.reply({ resetForm: true }),
      notice: `Added ${submission.value.name}.`,
      confirmDeactivation: null,
    };
  }

  if (intent === "change-grants") {
    const grants = changeGrantsSchema.safeParse(Object.fromEntries(formData));
    if (!grants.success) {
      return data(
        {
          create: null,
          notice: "That request was not understood; reload the page and try again.",
          confirmDeactivation: null,
        },
        { status: 400 },
      );
    }
    try {
      await changeGrants(admin.id, grants.data.userId, {
        committeeMember: grants.data.committeeMember === "on",
        peopleAnalytics: grants.data.peopleAnalytics === "on",
      });
    } catch (error) {
      if (error instanceof ServiceError) {
        return data({ create: null, notice: error.message, confirmDeactivation: null }, { status: 409 });
      }
      throw error;
    }
    return { create: null, notice: "Grants saved.", confirmDeactivation: null };
  }

  const parsed =
    intent === "change-role"
      ? changeRoleSchema.safeParse(Object.fromEntries(formData))
      : setActiveSchema.safeParse(Object.fromEntries(formData));
  const reply = (notice: string | null, confirmDeactivation: ConfirmDeactivation | null = null) => ({
    create: null,
    notice,
    confirmDeactivation,
  });
  if (!parsed.success) {
    return data(reply("That request was not understood; reload the page and try again."), { status: 400 });
  }
  try {
    if (parsed.data.intent === "change-role") await changeRole(admin.id, parsed.data.userId, parsed.data.role);
    else if (parsed.data.intent === "reactivate") await reactivateUser(admin.id, parsed.data.userId);
    else {
      const result = await deactivateUser(admin.id, parsed.data.userId, { confirm: parsed.data.confirm === "yes" });
      // Open rounds: nothing saved yet; the admin sees them and reassigns first or confirms.
      if (!result.saved)
        return reply(null, { userId: parsed.data.userId, name: result.name, openRounds: result.openRounds });
      return reply(deactivationNotice(result));
    }
  } catch (error) {
    if (error instanceof ServiceError) return data(reply(error.message), { status: 409 });
    throw error;
  }
  return reply("Saved.");
}

interface ConfirmDeactivation {
  userId: string;
  name: string;
  openRounds: OpenAssignment[];
}

function deactivationNotice(result: { unassigned: number; recruitersTold: string[]; notTold: string[] }): string {
  if (result.unassigned === 0) return "Deactivated.";
  const rounds = `${result.unassigned} round${result.unassigned === 1 ? "" : "s"}`;
  const told = result.recruitersTold.length ? ` Told ${result.recruitersTold.join(", ")} to reassign.` : "";
  const notTold = result.notTold.length
    ? ` Could not tell ${result.notTold.join(", ")}: let them know the rounds need an interviewer.`
    : "";
  return `Deactivated and unassigned from ${rounds}.${told}${notTold}`;
}

/** Asks before deactivating someone with open rounds: lists them, links to each loop to reassign, or confirms. */
function ConfirmDeactivationPanel({ pending }: { pending: ConfirmDeactivation }) {
  return (
    <section
      aria-labelledby="confirm-deactivation-heading"
      className="card space-y-3 border-amber-400"
      data-testid="confirm-deactivation"
    >
      <h2 id="confirm-deactivation-heading" className="text-lg font-semibold">
        {pending.name} still has {pending.openRounds.length} open round{pending.openRounds.length === 1 ? "" : "s"}
      </h2>
      <p className="text-sm">
        Nothing has changed yet. Reassign these rounds from their loop pages first, or deactivate now: {pending.name}{" "}
        will be unassigned from them and each loop's recruiter told to find another interviewer.
      </p>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {pending.openRounds.map((round) => (
          <li key={round.roundId}>
            <Link to={`/loops/${round.loopId}`} className="link">
              {round.candidateName}
            </Link>
            : {round.roundTypeLabel}, {formatDateTime(round.scheduledAt)}
          </li>
        ))}
      </ul>
      <Form method="post" className="flex flex-wrap gap-2">
        <input type="hidden" name="intent" value="deactivate" />
        <input type="hidden" name="userId" value={pending.userId} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className="btn-danger">
          Deactivate and unassign
        </button>
        <Link to="/admin/users" className="btn-secondary">
          Keep {pending.name} active
        </Link>
      </Form>
    </section>
  );
}

function CreateUserForm() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "create-user",
    lastResult: actionData?.create ?? undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createUserSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card grid gap-4 sm:grid-cols-2">
      <h2 className="text-lg font-semibold sm:col-span-2">Add a person</h2>
      <input type="hidden" name="intent" value="create" />
      <Field
        label="Name"
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
      />
      <Field
        label="Email"
        errors={fields.email.errors}
        inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }}
      />
      <div>
        <label htmlFor={fields.role.id} className="label">
          Role
        </label>
        <select
          {...getSelectProps(fields.role)}
          className="input mt-1"
          aria-invalid={fields.role.errors ? true : undefined}
        >
          <option value="">Choose…</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
        <FieldErrors id={fields.role.errorId} errors={fields.role.errors} />
      </div>
      <Field
        label="Temporary password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Share it with the person directly.`}
        errors={fields.password.errors}
        inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
      />
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          Add person
        </button>
      </div>
    </Form>
  );
}

export default function UsersPage() {
  const { users, adminId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">People</h1>
      <p className="text-sm text-slate-700">
        Roles grant what a person can do; their relationship to each loop decides which loops. Two grants widen a hiring
        manager&apos;s view: <strong>Hiring committee</strong> reads every loop&apos;s debrief (still blind while they
        owe feedback on it), and <strong>People analytics</strong> reads how ratings relate to hires&apos; later
        outcomes.
      </p>
      {actionData?.notice ? (
        <p role="status" className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
          {actionData.notice}
        </p>
      ) : null}
      {actionData?.confirmDeactivation ? <ConfirmDeactivationPanel pending={actionData.confirmDeactivation} /> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="table">
          <caption className="sr-only">Everyone with an account</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Grants</th>
              <th scope="col">Status</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.active ? "" : "text-slate-500"}>
                <td>
                  <span className="font-medium">{user.name}</span>
                  <span className="block text-xs text-slate-600">{user.email}</span>
                </td>
                <td>
                  <Form method="post" className="flex items-center gap-2">
                    <input type="hidden" name="intent" value="change-role" />
                    <input type="hidden" name="userId" value={user.id} />
                    <label htmlFor={`role-${user.id}`} className="sr-only">
                      Role of {user.name}
                    </label>
                    <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="input w-auto py-1">
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {roleLabels[role]}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="btn-secondary py-1">
                      Save<span className="sr-only"> role of {user.name}</span>
                    </button>
                  </Form>
                </td>
                <td>
                  {user.role === "hiring_manager" ? (
                    <Form method="post" className="flex flex-col gap-1 text-sm">
                      <input type="hidden" name="intent" value="change-grants" />
                      <input type="hidden" name="userId" value={user.id} />
                      <label className="flex items-center gap-2">
                        <input type="checkbox" name="committeeMember" defaultChecked={user.committeeMember} />
                        Hiring committee<span className="sr-only"> ({user.name})</span>
                      </label>
                      <label className="flex items-center gap-2">
                        <input type="checkbox" name="peopleAnalytics" defaultChecked={user.peopleAnalytics} />
                        People analytics<span className="sr-only"> ({user.name})</span>
                      </label>
                      <button type="submit" className="btn-secondary w-fit py-1">
                        Save<span className="sr-only"> grants of {user.name}</span>
                      </button>
                    </Form>
                  ) : (
                    <span className="text-xs text-slate-600">{user.role === "admin" ? "Reads everything" : "—"}</span>
                  )}
                </td>
                <td>{user.active ? "Active" : "Deactivated"}</td>
                <td>{formatDate(user.createdAt)}</td>
                <td>
                  {user.id === adminId ? (
                    <span className="text-xs text-slate-600">You</span>
                  ) : (
                    <div className="flex flex-wrap items-center gap-2">
                      {user.active ? <SignOutEverywhereForm userId={user.id} name={user.name} /> : null}
                      <Form method="post">
                        <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
                        <input type="hidden" name="userId" value={user.id} />
                        <button type="submit" className={user.active ? "btn-danger py-1" : "btn-secondary py-1"}>
                          {user.active ? "Deactivate" : "Reactivate"}
                          <span className="sr-only"> {user.name}</span>
                        </button>
                      </Form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CreateUserForm />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
