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

/** Label, control, hint and errors, with the control described by the hint and errors. */
export function FieldShell({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | null;
  children: (described: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children({ "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
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
  return (
    <FieldShell id={inputProps.id} label={label} hint={hint} errors={errors}>
      {(described) => <input {...inputProps} className={inputProps.className ?? "input mt-1"} {...described} />}
    </FieldShell>
  );
}

/** A form's closing row: its form-level errors and the submit button. */
export function FormFooter({
  errorId,
  errors,
  label,
  className = "md:col-span-2",
}: {
  errorId: string;
  errors?: string[] | null;
  label: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <FieldErrors id={errorId} errors={errors} />
      <button type="submit" className="btn-primary">
        {label}
      </button>
    </div>
  );
}
