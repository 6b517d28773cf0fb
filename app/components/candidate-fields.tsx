import { getInputProps, getSelectProps, type useForm } from "@conform-to/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import type { candidateSchema } from "~/schemas/loop-admin";
import { Field } from "./field";
import { SelectField } from "./select-field";
import { trackOptions } from "~/domain/vocabulary";

type CandidateFieldset = ReturnType<typeof useForm<z.input<typeof candidateSchema>>>[1];

/**
 * The candidate's fields, shared by "New candidate" and "Edit loop". On the
 * edit page the candidate's level and hiring manager sit beside the loop's,
 * so their labels say whose they are (`ownerLabel`).
 */
export function CandidateFields({
  fields,
  hiringManagers,
  ownerLabel = "",
  afterEmail,
}: {
  fields: CandidateFieldset;
  hiringManagers: { id: string; name: string }[];
  ownerLabel?: string;
  afterEmail?: ReactNode;
}) {
  const label = (text: string) => (ownerLabel ? `${ownerLabel} ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text);
  return (
    <>
      <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
      <div>
        <Field label="Email" errors={fields.email.errors} inputProps={getInputProps(fields.email, { type: "email" })} />
        {afterEmail}
      </div>
      <Field
        label="Current role"
        errors={fields.currentRole.errors}
        inputProps={getInputProps(fields.currentRole, { type: "text" })}
      />
      <Field
        label="Current level"
        hint="For example L5."
        errors={fields.currentLevel.errors}
        inputProps={getInputProps(fields.currentLevel, { type: "text" })}
      />
      <SelectField
        label="Internal or external"
        selectProps={getSelectProps(fields.source)}
        errors={fields.source.errors}
        errorId={fields.source.errorId}
        options={[
          ["internal", "Internal transfer"],
          ["external", "External"],
        ]}
      />
      <SelectField
        label="Target track"
        selectProps={getSelectProps(fields.track)}
        errors={fields.track.errors}
        errorId={fields.track.errorId}
        options={trackOptions}
      />
      <Field
        label={label("Target level")}
        errors={fields.targetLevel.errors}
        inputProps={getInputProps(fields.targetLevel, { type: "text" })}
      />
      <SelectField
        label={label("Hiring manager")}
        selectProps={getSelectProps(fields.hiringManagerId)}
        errors={fields.hiringManagerId.errors}
        errorId={fields.hiringManagerId.errorId}
        options={hiringManagers.map((manager) => [manager.id, manager.name] as const)}
      />
    </>
  );
}
