import type { TextareaHTMLAttributes } from "react";
import { FieldErrors } from "./field";

export function TextareaField({
  label,
  hint,
  errors,
  textareaProps,
}: {
  label: string;
  hint?: string;
  errors?: string[] | null;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
}) {
  const errorId = `${textareaProps.id}-error`;
  const hintId = `${textareaProps.id}-hint`;
  return (
    <div>
      <label htmlFor={textareaProps.id} className="label">
        {label}
      </label>
      <textarea
        {...textareaProps}
        className="input mt-1"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
