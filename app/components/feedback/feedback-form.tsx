import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { CharacterCount } from "~/components/character-count";
import { FieldErrors } from "~/components/field";
import { checkEvidence, type EvidenceWarning } from "~/domain/evidence-check";
import { readFeedbackForm, type FeedbackFormValues } from "~/domain/feedback-form-state";
import { recommendations } from "~/domain/rating-scale";
import { choiceToValue } from "~/domain/rating-scale";
import { FEEDBACK_LIMITS, feedbackSchema } from "~/schemas/feedback";
import { formatDateTime } from "~/utils/format";
import { DimensionFieldset, type DimensionForForm } from "./dimension-fieldset";
import { readLocalBackup, useDraftAutosave } from "./use-draft-autosave";

export interface FlagForForm {
  key: string;
  label: string;
  polarity: "green" | "red";
  dimension: { key: string };
}

function evidenceWarnings(values: FeedbackFormValues, dimensions: DimensionForForm[]): EvidenceWarning[] {
  return checkEvidence(
    dimensions.map((dimension) => ({
      dimensionKey: dimension.key,
      dimensionName: dimension.name,
      value: choiceToValue(values.ratings[dimension.key]?.value),
      evidence: values.ratings[dimension.key]?.evidence ?? "",
    })),
  );
}

function SaveStatusLine({
  state,
  onOverwrite,
  onReload,
}: {
  state: ReturnType<typeof useDraftAutosave>["state"];
  onOverwrite: () => void;
  onReload: () => void;
}) {
  switch (state.status) {
    case "idle":
      return <span className="text-slate-600">Drafts save automatically as you type.</span>;
    case "pending":
      return <span className="text-slate-600">Unsaved changes…</span>;
    case "saving":
      return <span className="text-slate-600">Saving…</span>;
    case "saved":
      return <span className="text-green-800">Draft saved {state.savedAt ? formatDateTime(state.savedAt) : ""}</span>;
    case "conflict":
      return (
        <span className="text-red-800">
          This draft was changed in another tab or window; your latest typing here is not saved yet.{" "}
          <button type="button" className="link" onClick={onReload}>
            Load the other version
          </button>{" "}
          or{" "}
          <button type="button" className="link" onClick={onOverwrite}>
            keep this tab's text
          </button>
          .
        </span>
      );
    case "signed_out":
      return (
        <span className="text-red-800">
          You are signed out. Your typing is kept in this browser.{" "}
          <a
            className="link"
            href={`/login?redirectTo=${encodeURIComponent(typeof window === "undefined" ? "/" : window.location.pathname)}`}
            target="_blank"
            rel="noreferrer"
          >
            Sign in again (new tab)
          </a>
          , then keep typing or save.
        </span>
      );
    case "error":
      return (
        <span className="text-red-800">{state.message ?? "Saving failed; your typing is kept in this browser."}</span>
      );
  }
}

export function FeedbackForm({
  roundId,
  mode,
  dimensions,
  flags,
  focusKeys,
  initialValues,
  version,
  submitKey,
  serverUpdatedAt,
  lastResult,
}: {
  roundId: string;
  mode: "submit" | "amend";
  dimensions: DimensionForForm[];
  flags: FlagForForm[];
  focusKeys: string[];
  initialValues: FeedbackFormValues;
  version: number;
  submitKey: string;
  serverUpdatedAt: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const dimensionKeys = useMemo(() => dimensions.map((dimension) => dimension.key), [dimensions]);
  const schema = useMemo(() => feedbackSchema(dimensionKeys, mode), [dimensionKeys, mode]);
  const formRef = useRef<HTMLFormElement>(null);
  const navigation = useNavigation();
  const [values, setValues] = useState(initialValues);
  const [formKey, setFormKey] = useState(0);
  const [backup, setBackup] = useState<ReturnType<typeof readLocalBackup>>(null);
  const autosave = useDraftAutosave({
    roundId,
    initialVersion: version,
    enabled: mode === "submit",
    formRef,
    dimensionKeys,
  });

  const [form] = useForm({
    id: `feedback-${roundId}`,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const errors = form.allErrors;

  // Typing newer than the server's draft, kept in this browser (e.g. the session ran out): offer it back.
  useEffect(() => {
    if (mode !== "submit") return;
    const local = readLocalBackup(roundId);
    // localStorage exists only in the browser, so this cannot be computed during render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (local && (!serverUpdatedAt || new Date(local.at) > new Date(serverUpdatedAt))) setBackup(local);
  }, [mode, roundId, serverUpdatedAt]);

  const warnings = useMemo(() => evidenceWarnings(values, dimensions), [values, dimensions]);
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === mode;

  return (
    <Form
      method="post"
      key={formKey}
      ref={formRef}
      {...getFormProps(form)}
      onInput={() => {
        if (formRef.current) setValues(readFeedbackForm(formRef.current, dimensionKeys));
        autosave.onInput();
      }}
      className="space-y-6"
    >
      <input type="hidden" name="version" value={autosave.version} />
      <input type="hidden" name="submitKey" value={submitKey} />

      {backup ? (
        <div role="status" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
          This browser kept typing from {formatDateTime(backup.at)} that was not saved to the server.{" "}
          <button
            type="button"
            className="link"
            onClick={() => {
              setValues(backup.values);
              setFormKey((key) => key + 1);
              setBackup(null);
              // Save the restored text once the form has re-rendered with it.
              setTimeout(() => autosave.onInput(), 0);
            }}
          >
            Restore it
          </button>{" "}
          or{" "}
          <button type="button" className="link" onClick={() => setBackup(null)}>
            keep the saved draft
          </button>
          .
        </div>
      ) : null}

      {dimensions.map((dimension) => (
        <DimensionFieldset
          key={`${formKey}-${dimension.key}`}
          dimension={dimension}
          focus={focusKeys.includes(dimension.key)}
          value={values.ratings[dimension.key]?.value}
          evidence={values.ratings[dimension.key]?.evidence ?? ""}
          disabled={false}
          valueErrors={errors[`ratings.${dimension.key}.value`]}
          evidenceErrors={errors[`ratings.${dimension.key}.evidence`]}
        />
      ))}

      <fieldset className="card">
        <legend className="px-1 text-base font-semibold">Flags</legend>
        <p className="text-sm text-slate-700">Tick what you observed. Each flag belongs to a dimension.</p>
        <div className="mt-3 grid gap-2 sm:grid-cols-2">
          {flags.map((flag) => (
            <label key={flag.key} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="flags"
                value={flag.key}
                defaultChecked={values.flags.includes(flag.key)}
                className="mt-1"
              />
              <span>
                <span
                  className={`mr-1 rounded px-1 text-xs font-semibold ${flag.polarity === "green" ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`}
                >
                  {flag.polarity === "green" ? "Green" : "Red"}
                </span>
                {flag.label}{" "}
                <span className="text-slate-600">
                  ({dimensions.find((dimension) => dimension.key === flag.dimension.key)?.name})
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="card">
        <legend className="px-1 text-base font-semibold">Overall recommendation</legend>
        <div role="radiogroup" aria-label="Overall recommendation" className="mt-2 flex flex-wrap gap-3">
          {recommendations.map((recommendation) => (
            <label
              key={recommendation.value}
              className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-indigo-700 has-[:checked]:ring-2 has-[:checked]:ring-indigo-700"
            >
              <input
                type="radio"
                name="recommendation"
                value={recommendation.value}
                defaultChecked={values.recommendation === recommendation.value}
              />
              {recommendation.label}
            </label>
          ))}
        </div>
        <FieldErrors id="recommendation-error" errors={errors.recommendation} />
        <label htmlFor="summary" className="label">
          Summary
        </label>
        <textarea
          id="summary"
          name="summary"
          rows={4}
          defaultValue={values.summary}
          aria-invalid={errors.summary?.length ? true : undefined}
          aria-describedby={errors.summary?.length ? "summary-count summary-error" : "summary-count"}
          className="input mt-1"
          placeholder="The signal from this round in two or three sentences, and the decision it points to."
        />
        <CharacterCount fieldId="summary" limit={FEEDBACK_LIMITS.summary} initial={values.summary.length} />
        <FieldErrors id="summary-error" errors={errors.summary} />
      </fieldset>

      {mode === "amend" ? (
        <div className="card border-amber-300">
          <label htmlFor="reason" className="label">
            Why are you amending this feedback?
          </label>
          <textarea
            id="reason"
            name="reason"
            rows={2}
            aria-invalid={errors.reason?.length ? true : undefined}
            aria-describedby="reason-count reason-hint reason-error"
            className="input mt-1"
          />
          <CharacterCount fieldId="reason" limit={FEEDBACK_LIMITS.reason} initial={0} />
          <p id="reason-hint" className="mt-1 text-xs text-slate-600">
            The amendment, its reason and whether you had seen the panel's feedback are shown to everyone who reads this
            feedback.
          </p>
          <FieldErrors id="reason-error" errors={errors.reason} />
        </div>
      ) : null}

      <section aria-labelledby="evidence-check-heading" className="card">
        <h2 id="evidence-check-heading" className="text-base font-semibold">
          Evidence check{" "}
          {warnings.length ? (
            <span className="text-amber-800">({warnings.length} to look at)</span>
          ) : (
            <span className="text-green-800">(looks good)</span>
          )}
        </h2>
        {warnings.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900">
            {warnings.map((warning) => (
              <li key={`${warning.dimensionKey}-${warning.kind}`}>{warning.message}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-slate-700">Every rating is backed by observed behaviour.</p>
        )}
        <p className="mt-2 text-xs text-slate-600">
          A reminder, not a rule: you can submit with warnings, and they are counted in calibration.
        </p>
      </section>

      <div role="alert" aria-live="polite">
        <FieldErrors id={form.errorId} errors={form.errors} />
      </div>

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 text-sm">
        {mode === "submit" ? (
          <>
            <p aria-live="polite" className="mr-auto" data-testid="save-status">
              <SaveStatusLine
                state={autosave.state}
                onOverwrite={autosave.overwrite}
                onReload={() => window.location.reload()}
              />
            </p>
            <button type="button" className="btn-secondary" onClick={() => void autosave.saveNow()}>
              Save draft
            </button>
          </>
        ) : (
          <p className="mr-auto text-slate-700">Amending keeps the original and records what changed.</p>
        )}
        <button type="submit" name="intent" value={mode} className="btn-primary" disabled={submitting}>
          {submitting ? "Submitting…" : mode === "amend" ? "Save amendment" : "Submit feedback"}
        </button>
      </div>
    </Form>
  );
}
