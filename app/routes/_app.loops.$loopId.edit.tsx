import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CandidateFields } from "~/components/candidate-fields";
import { Field, FormFooter } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { candidateSchema, loopDetailsSchema } from "~/schemas/loop-admin";
import { requireLoopPermission } from "~/server/auth/guards.server";
import { updateCandidateRecord } from "~/server/loops/candidates.server";
import { updateLoopDetails } from "~/server/loops/loops.server";
import { loopForEditing, loopFormOptions } from "~/server/loops/loop-forms.server";
import { serviceErrorReply } from "~/server/form-reply.server";
import { ServiceError } from "~/server/service-error.server";
import { trackOptions } from "~/domain/vocabulary";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction = () => [{ title: "Edit loop · Calibrate" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireLoopPermission({ request, context }, params.loopId, "loop.manage");
  const loop = await loopForEditing(params.loopId ?? "");
  if (!loop) throw data({ message: "There is no such loop." }, { status: 404 });
  return { loop, ...(await loopFormOptions()) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireLoopPermission({ request, context }, params.loopId, "loop.manage");
  const formData = await readForm({ request, context });
  const intent = formData.get("intent") === "candidate" ? "candidate" : "loop";
  const submission = parseWithZod(formData, { schema: intent === "candidate" ? candidateSchema : loopDetailsSchema });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const loop = await loopForEditing(params.loopId ?? "");
  if (!loop) throw data({ message: "There is no such loop." }, { status: 404 });
  try {
    if (intent === "candidate")
      await updateCandidateRecord(
        user,
        loop.candidate.id,
        submission.value as Parameters<typeof updateCandidateRecord>[2],
      );
    else await updateLoopDetails(user, loop.id, submission.value as Parameters<typeof updateLoopDetails>[2]);
  } catch (error) {
    if (error instanceof ServiceError) {
      return data(
        {
          intent,
          result: serviceErrorReply(submission, error),
        },
        { status: error.status },
      );
    }
    throw error;
  }
  throw redirect(`/loops/${loop.id}`);
}

export default function EditLoopPage() {
  const { loop, hiringManagers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const managerOptions = hiringManagers.map((manager) => [manager.id, manager.name] as const);
  const [candidateForm, candidate] = useForm({
    id: "edit-candidate",
    lastResult: actionData?.intent === "candidate" ? actionData.result : undefined,
    defaultValue: loop.candidate,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: candidateSchema }),
  });
  const [loopForm, details] = useForm({
    id: "edit-loop",
    lastResult: actionData?.intent === "loop" ? actionData.result : undefined,
    defaultValue: loop,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loopDetailsSchema }),
  });
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to={`/loops/${loop.id}`} className="link">
          {loop.candidate.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">Edit {loop.candidate.name}</h1>
      <Form method="post" {...getFormProps(loopForm)} className="card grid gap-3 md:grid-cols-2">
        <h2 className="text-lg font-semibold md:col-span-2">Loop</h2>
        <input type="hidden" name="intent" value="loop" />
        <Field
          label="Role title"
          errors={details.roleTitle.errors}
          inputProps={getInputProps(details.roleTitle, { type: "text" })}
        />
        <Field
          label="Target level"
          errors={details.targetLevel.errors}
          inputProps={getInputProps(details.targetLevel, { type: "text" })}
        />
        <SelectField
          label="Track"
          selectProps={getSelectProps(details.track)}
          errors={details.track.errors}
          errorId={details.track.errorId}
          options={trackOptions}
          placeholder={null}
        />
        <SelectField
          label="Hiring manager"
          selectProps={getSelectProps(details.hiringManagerId)}
          errors={details.hiringManagerId.errors}
          errorId={details.hiringManagerId.errorId}
          options={managerOptions}
        />
        <FormFooter errorId={loopForm.errorId} errors={loopForm.errors} label="Save loop" />
      </Form>
      <Form method="post" {...getFormProps(candidateForm)} className="card grid gap-3 md:grid-cols-2">
        <h2 className="text-lg font-semibold md:col-span-2">Candidate</h2>
        <input type="hidden" name="intent" value="candidate" />
        <CandidateFields fields={candidate} hiringManagers={hiringManagers} ownerLabel="Candidate's" />
        <FormFooter errorId={candidateForm.errorId} errors={candidateForm.errors} label="Save candidate" />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
