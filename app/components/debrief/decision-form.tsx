import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { FieldErrors } from "~/components/field";
import { TextareaField } from "~/components/textarea-field";
import { Field } from "~/components/field";
import { DECISION_TEXT_LIMIT, decisionSchema } from "~/schemas/decision";
import { decisionOutcomeLabels } from "~/domain/vocabulary";

export function DecisionForm({
  dimensions,
  splitKeys,
  targetLevel,
  lastResult,
  hasDecision,
}: {
  dimensions: { key: string; name: string }[];
  splitKeys: string[];
  targetLevel: string;
  lastResult: SubmissionResult<string[]> | undefined;
  hasDecision: boolean;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "decision",
    lastResult,
    defaultValue: { level: targetLevel, dimensionKeys: splitKeys },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card no-print space-y-3">
      <h2 className="text-lg font-semibold">{hasDecision ? "Change the decision" : "Record the decision"}</h2>
      <fieldset>
        <legend className="label">Outcome</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {(Object.keys(decisionOutcomeLabels) as (keyof typeof decisionOutcomeLabels)[]).map((outcome) => (
            <label
              key={outcome}
              className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-indigo-700 has-[:checked]:ring-2 has-[:checked]:ring-indigo-700"
            >
              <input type="radio" name={fields.outcome.name} value={outcome} />
              {decisionOutcomeLabels[outcome]}
            </label>
          ))}
        </div>
        <FieldErrors id={fields.outcome.errorId} errors={fields.outcome.errors} />
      </fieldset>
      <Field
        label="Level (if hire)"
        errors={fields.level.errors}
        inputProps={{ ...getInputProps(fields.level, { type: "text" }), className: "input w-32" }}
      />
      <TextareaField
        label="Rationale"
        hint="What the decision rests on, in terms of the evidence."
        errors={fields.rationale.errors}
        textareaProps={{ ...getTextareaProps(fields.rationale), rows: 4 }}
        limit={DECISION_TEXT_LIMIT}
      />
      <fieldset>
        <legend className="label">Dimensions it rests on</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {dimensions.map((dimension) => (
            <label key={dimension.key} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={fields.dimensionKeys.name}
                value={dimension.key}
                defaultChecked={splitKeys.includes(dimension.key)}
              />
              {dimension.name}
            </label>
          ))}
        </div>
        <FieldErrors id={fields.dimensionKeys.errorId} errors={fields.dimensionKeys.errors} />
      </fieldset>
      <TextareaField
        label="Dissent (optional)"
        hint="Who disagreed and why, in their words."
        errors={fields.dissent.errors}
        textareaProps={{ ...getTextareaProps(fields.dissent), rows: 2 }}
        limit={DECISION_TEXT_LIMIT}
      />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        Save decision
      </button>
    </Form>
  );
}
