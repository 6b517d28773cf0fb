import type { TextareaHTMLAttributes } from "react";
import { CharacterCount } from "./character-count";
import { FieldShell } from "./field";

export function TextareaField({
  label,
  hint,
  errors,
  textareaProps,
  limit,
}: {
  label: string;
  hint?: string;
  errors?: string[] | null;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
  /** The schema's maximum length: shown as a live count (never a maxlength, which cuts pastes short). */
  limit?: number;
}) {
  return (
    <FieldShell id={textareaProps.id} label={label} hint={hint} errors={errors}>
      {(described) => (
        <>
          <textarea
            {...textareaProps}
            className="input mt-1"
            {...described}
            aria-describedby={
              limit
                ? [`${textareaProps.id}-count`, described["aria-describedby"]].filter(Boolean).join(" ")
                : described["aria-describedby"]
            }
          />
          {limit ? (
            <CharacterCount
              fieldId={textareaProps.id}
              limit={limit}
              initial={String(textareaProps.defaultValue ?? textareaProps.value ?? "").length}
            />
          ) : null}
        </>
      )}
    </FieldShell>
  );
}
