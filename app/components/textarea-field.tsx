import type { TextareaHTMLAttributes } from "react";
import { FieldShell } from "./field";

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
  return (
    <FieldShell id={textareaProps.id} label={label} hint={hint} errors={errors}>
      {(described) => <textarea {...textareaProps} className="input mt-1" {...described} />}
    </FieldShell>
  );
}
