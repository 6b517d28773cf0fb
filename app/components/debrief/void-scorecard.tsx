import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { FieldErrors } from "~/components/field";
import { TextareaField } from "~/components/textarea-field";
import { voidFeedbackSchema } from "~/schemas/void-feedback";
import { formatDate } from "~/utils/format";

export interface Voided {
  at: string;
  byName: string;
  reason: string;
}

/**
 * Strikes through a voided scorecard's text, badges included: a line-through
 * does not reach into inline-block children on its own. Tooltips stay readable.
 */
export const struckThrough = "text-slate-600 line-through [&_span:not([role=tooltip])]:line-through";

/** Who voided a scorecard, when and why: shown wherever the struck-through scorecard is, printed too. */
export function VoidedNote({ voided }: { voided: Voided }) {
  return (
    <span className="block text-xs font-semibold text-red-800" data-testid="voided-note">
      Voided by {voided.byName} on {formatDate(voided.at)}: {voided.reason}
    </span>
  );
}

/** An admin's form to void one submitted scorecard, asking why. Never printed. */
export function VoidScorecardForm({
  feedbackId,
  label,
  lastResult,
}: {
  feedbackId: string;
  /** Whose scorecard, e.g. "Bob Panelist (Behavioral)". */
  label: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `void-${feedbackId}`,
    lastResult,
    shouldValidate: "onBlur",
    // Clear the error while typing, so the button does not move under the pointer on blur.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: voidFeedbackSchema }),
  });
  return (
    <details className="no-print mt-2 text-sm" open={lastResult ? true : undefined}>
      <summary className="cursor-pointer text-xs font-medium text-red-800">
        Void scorecard<span className="sr-only"> of {label}</span>
      </summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 w-72 space-y-1">
        <input type="hidden" name="intent" value="void" />
        <input type="hidden" name="feedbackId" value={feedbackId} />
        <TextareaField
          label="Reason for voiding"
          hint="Shown with the struck-through scorecard in the debrief, the packet and the audit log."
          errors={fields.reason.errors}
          textareaProps={{ ...getTextareaProps(fields.reason), rows: 3 }}
        />
        <FieldErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-danger py-1" disabled={navigation.state === "submitting"}>
          Void scorecard<span className="sr-only"> of {label}</span>
        </button>
      </Form>
    </details>
  );
}
