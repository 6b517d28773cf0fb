/**
 * The evidence check: warns when a rating is not backed by observed behaviour.
 * A warning, never a block. Shown to the interviewer before submit; the count
 * is stored with the feedback for calibration.
 */
export interface RatingForCheck {
  dimensionKey: string;
  dimensionName: string;
  value: number | null;
  evidence: string;
}

export type EvidenceWarningKind = "missing" | "too_short" | "adjectives_only" | "extreme_thin";

export interface EvidenceWarning {
  dimensionKey: string;
  kind: EvidenceWarningKind;
  message: string;
}

export const MIN_EVIDENCE_WORDS = 8;
export const MIN_EXTREME_EVIDENCE_WORDS = 20;

// Praise that describes the interviewer's impression rather than what happened.
const VAGUE_TERMS = [
  "smart",
  "sharp",
  "credible",
  "strong communicator",
  "great communicator",
  "impressive",
  "solid",
  "brilliant",
  "articulate",
  "polished",
  "confident",
  "good fit",
  "great fit",
  "rockstar",
  "strong candidate",
  "seemed good",
  "seemed strong",
  "very strong",
  "weak",
  "not strong",
  "meh",
];

// Signs that the evidence reports behaviour: a quote, a number, or an action.
const BEHAVIOUR_PATTERN =
  /["“”'‘’]|\d|\b(said|says|asked|answered|described|explained|proposed|chose|choose|ranked|cut|dropped|decided|named|defined|walked|listed|claimed|admitted|argued|pushed back|suggested|recommended|framed|prioriti[sz]ed|started with|opened with|spent|drew|mentioned|could not|couldn't|didn't|did not|when asked|when pushed)\b/i;

export function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

function vagueTermsIn(text: string): string[] {
  const lower = text.toLowerCase();
  return VAGUE_TERMS.filter((term) => new RegExp(`\\b${term}\\b`).test(lower));
}

export function checkEvidence(ratings: RatingForCheck[]): EvidenceWarning[] {
  const warnings: EvidenceWarning[] = [];
  for (const rating of ratings) {
    if (rating.value === null) continue;
    const evidence = rating.evidence.trim();
    const words = wordCount(evidence);
    const name = rating.dimensionName;
    if (words === 0) {
      warnings.push({
        dimensionKey: rating.dimensionKey,
        kind: "missing",
        message: `${name}: a rating with no evidence cannot be weighed in the debrief.`,
      });
      continue;
    }
    const vague = vagueTermsIn(evidence);
    if (vague.length > 0 && !BEHAVIOUR_PATTERN.test(evidence)) {
      warnings.push({
        dimensionKey: rating.dimensionKey,
        kind: "adjectives_only",
        message: `${name}: "${vague.join('", "')}" describes your impression. Add what the candidate said or did.`,
      });
    } else if (words < MIN_EVIDENCE_WORDS) {
      warnings.push({
        dimensionKey: rating.dimensionKey,
        kind: "too_short",
        message: `${name}: ${words} word${words === 1 ? "" : "s"} of evidence is thin. Quote the candidate or describe an action.`,
      });
    }
    if ((rating.value === 1 || rating.value === 4) && words < MIN_EXTREME_EVIDENCE_WORDS) {
      warnings.push({
        dimensionKey: rating.dimensionKey,
        kind: "extreme_thin",
        message: `${name}: a ${rating.value === 4 ? "strong yes" : "strong no"} carries weight; back it with at least ${MIN_EXTREME_EVIDENCE_WORDS} words of evidence.`,
      });
    }
  }
  return warnings;
}
