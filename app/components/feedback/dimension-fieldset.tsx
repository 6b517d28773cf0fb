import type { KeyboardEvent } from "react";
import { CharacterCount } from "~/components/character-count";
import { FieldErrors } from "~/components/field";
import { ratingLevels } from "~/domain/rating-scale";
import { NO_SIGNAL, type RatingChoice } from "~/domain/rating-scale";
import { FEEDBACK_LIMITS } from "~/schemas/feedback";

export interface DimensionForForm {
  key: string;
  name: string;
  definition: string;
  lowLabel: string;
  highLabel: string;
  anchor1: string;
  anchor2: string;
  anchor3: string;
  anchor4: string;
}

/** Number keys choose a level while focus is inside the dimension: 1-4, or 0 / N for No signal. */
function onRatingKey(event: KeyboardEvent<HTMLFieldSetElement>) {
  const target = event.target as HTMLElement;
  if (target.tagName === "TEXTAREA" || event.altKey || event.ctrlKey || event.metaKey) return;
  const choice = /^[1-4]$/.test(event.key)
    ? event.key
    : event.key === "0" || event.key.toLowerCase() === "n"
      ? NO_SIGNAL
      : null;
  if (!choice) return;
  const radio = event.currentTarget.querySelector<HTMLInputElement>(`input[type=radio][value="${choice}"]`);
  if (!radio || radio.disabled) return;
  event.preventDefault();
  radio.click();
  radio.focus();
}

export function DimensionFieldset({
  dimension,
  focus,
  value,
  evidence,
  disabled,
  valueErrors,
  evidenceErrors,
}: {
  dimension: DimensionForForm;
  focus: boolean;
  value: RatingChoice | undefined;
  evidence: string;
  disabled: boolean;
  valueErrors?: string[];
  evidenceErrors?: string[];
}) {
  const anchors = [dimension.anchor1, dimension.anchor2, dimension.anchor3, dimension.anchor4];
  const base = `ratings.${dimension.key}`;
  const evidenceId = `${base}.evidence`;
  return (
    <fieldset
      onKeyDown={onRatingKey}
      aria-describedby={`${base}-definition`}
      className={`rounded-lg border p-4 ${focus ? "border-indigo-400 bg-indigo-50/40" : "border-slate-200 bg-white"}`}
    >
      <legend className="px-1 text-base font-semibold">
        {dimension.name}
        {focus ? (
          <span className="ml-2 rounded bg-indigo-700 px-1.5 py-0.5 text-xs font-semibold text-white">
            Focus of this round
          </span>
        ) : null}
      </legend>
      <p id={`${base}-definition`} className="text-sm text-slate-700">
        {dimension.definition}{" "}
        <span className="text-slate-600">
          ({dimension.lowLabel} → {dimension.highLabel}; keys 1-4, 0 for no signal)
        </span>
      </p>
      <div
        role="radiogroup"
        aria-label={`${dimension.name} rating`}
        className="mt-3 grid gap-2 md:grid-cols-2 xl:grid-cols-5"
      >
        {ratingLevels.map((level, index) => (
          <label
            key={level.value}
            className="flex cursor-pointer gap-2 rounded-md border border-slate-300 bg-white p-2 text-sm has-[:checked]:border-indigo-700 has-[:checked]:ring-2 has-[:checked]:ring-indigo-700"
          >
            <input
              type="radio"
              name={`${base}.value`}
              value={String(level.value)}
              defaultChecked={value === String(level.value)}
              disabled={disabled}
              className="mt-1"
            />
            <span>
              <span className="font-semibold">
                {level.value} · {level.label}
              </span>
              <span className="mt-0.5 block text-slate-700">{anchors[index]}</span>
            </span>
          </label>
        ))}
        <label className="flex cursor-pointer gap-2 rounded-md border border-dashed border-slate-400 bg-white p-2 text-sm has-[:checked]:border-slate-800 has-[:checked]:ring-2 has-[:checked]:ring-slate-700">
          <input
            type="radio"
            name={`${base}.value`}
            value={NO_SIGNAL}
            defaultChecked={value === NO_SIGNAL}
            disabled={disabled}
            className="mt-1"
          />
          <span>
            <span className="font-semibold">No signal</span>
            <span className="mt-0.5 block text-slate-700">
              This round did not probe it. Not a low score; never averaged.
            </span>
          </span>
        </label>
      </div>
      <FieldErrors id={`${base}.value-error`} errors={valueErrors} />
      <label htmlFor={evidenceId} className="label">
        Evidence for {dimension.name.toLowerCase()}
      </label>
      <textarea
        id={evidenceId}
        name={evidenceId}
        defaultValue={evidence}
        disabled={disabled}
        rows={3}
        placeholder="What did the candidate say or do? Quote them where you can."
        aria-invalid={evidenceErrors?.length ? true : undefined}
        aria-describedby={`${evidenceId}-count${evidenceErrors?.length ? ` ${evidenceId}-error` : ""}`}
        className="input mt-1"
      />
      <CharacterCount fieldId={evidenceId} limit={FEEDBACK_LIMITS.evidence} initial={evidence.length} />
      <FieldErrors id={`${evidenceId}-error`} errors={evidenceErrors} />
    </fieldset>
  );
}
