import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * Errors under a field. The space for one line is always reserved: when an
 * error disappears on blur, the layout must not shift, or the click that
 * caused the blur lands beside the button it was aimed at.
 */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  return (
    <div className="min-h-[1.5rem] pt-1">
      {errors?.length ? (
        <ul id={id} className="space-y-0.5 text-sm text-red-800">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A labelled input whose errors sit right under it and are announced with it. */
export function Field({
  label,
  hint,
  errors,
  inputProps,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | null;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
}) {
  const errorId = `${inputProps.id}-error`;
  const hintId = `${inputProps.id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={inputProps.id} className="label">
        {label}
      </label>
      <input
        {...inputProps}
        className="input mt-1"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
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
