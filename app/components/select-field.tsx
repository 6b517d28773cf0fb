import type { SelectHTMLAttributes } from "react";
import { FieldErrors } from "./field";

/** A labelled select with a "Choose…" placeholder and its errors beneath. */
export function SelectField({
  label,
  errors,
  errorId,
  options,
  placeholder = "Choose…",
  selectProps,
}: {
  label: string;
  errors?: string[] | null;
  errorId: string;
  options: readonly (readonly [value: string, text: string])[];
  placeholder?: string | null;
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string };
}) {
  return (
    <div>
      <label htmlFor={selectProps.id} className="label">
        {label}
      </label>
      <select
        {...selectProps}
        className="input mt-1"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
      >
        {placeholder === null ? null : <option value="">{placeholder}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
