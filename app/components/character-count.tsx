import { useEffect, useState } from "react";

/**
 * How much of a text field's limit is used, live as the person types. The
 * field itself takes any length (a browser's maxlength would silently cut a
 * paste short); the server refuses what is too long with a message by the
 * field, and this says so before they send it.
 */
export function CharacterCount({ fieldId, limit, initial }: { fieldId: string; limit: number; initial: number }) {
  const [count, setCount] = useState(initial);
  useEffect(() => {
    const field = document.getElementById(fieldId) as HTMLTextAreaElement | HTMLInputElement | null;
    if (!field) return;
    const update = () => setCount(field.value.length);
    update();
    field.addEventListener("input", update);
    return () => field.removeEventListener("input", update);
  }, [fieldId]);
  const over = count - limit;
  return (
    <p id={`${fieldId}-count`} className={`mt-1 text-xs ${over > 0 ? "font-semibold text-red-800" : "text-slate-600"}`}>
      {over > 0
        ? `${count.toLocaleString("en-GB")} characters: ${over.toLocaleString("en-GB")} over the limit of ${limit.toLocaleString("en-GB")}`
        : `${count.toLocaleString("en-GB")} of ${limit.toLocaleString("en-GB")} characters`}
    </p>
  );
}
