import { useCallback, useEffect, useRef, useState } from "react";
import { readFeedbackForm, type FeedbackFormValues } from "~/domain/feedback-form-state";

export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "error" | "conflict" | "signed_out";

export interface SaveState {
  status: SaveStatus;
  message?: string;
  savedAt?: string;
  conflictVersion?: number;
}

const DEBOUNCE_MS = 1200;

export function localBackupKey(roundId: string) {
  return `calibrate:feedback-draft:${roundId}`;
}

export interface LocalBackup {
  values: FeedbackFormValues;
  at: string;
}

export function readLocalBackup(roundId: string): LocalBackup | null {
  try {
    const raw = window.localStorage.getItem(localBackupKey(roundId));
    return raw ? (JSON.parse(raw) as LocalBackup) : null;
  } catch {
    return null;
  }
}

/**
 * Saves the draft while the interviewer types (debounced), when the tab is
 * hidden or closed (keepalive), and on demand. Every keystroke is also kept in
 * this browser, so typing survives a lost session or a failed save. A save
 * carries the version it was based on; a newer save from another tab makes the
 * server refuse, and the interviewer is told instead of anything being lost.
 */
export function useDraftAutosave(options: {
  roundId: string;
  initialVersion: number;
  enabled: boolean;
  formRef: React.RefObject<HTMLFormElement | null>;
  dimensionKeys: string[];
}) {
  const { roundId, enabled, formRef, dimensionKeys } = options;
  const versionRef = useRef(options.initialVersion);
  const [version, setVersion] = useState(options.initialVersion);
  const [state, setState] = useState<SaveState>({ status: "idle" });
  const dirtyRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout>>();
  const inFlightRef = useRef(false);

  const save = useCallback(
    async ({ keepalive = false, force = false } = {}) => {
      const form = formRef.current;
      if (!enabled || !form || (!dirtyRef.current && !force) || (inFlightRef.current && !keepalive)) return;
      clearTimeout(timerRef.current);
      const body = new FormData(form);
      body.delete("intent");
      body.set("version", String(versionRef.current));
      inFlightRef.current = true;
      dirtyRef.current = false;
      setState((previous) => ({ ...previous, status: "saving" }));
      try {
        const response = await fetch(`/rounds/${roundId}/draft`, {
          method: "POST",
          body,
          keepalive,
          credentials: "same-origin",
        });
        const result = (await response.json()) as {
          ok: boolean;
          version?: number;
          savedAt?: string;
          reason?: string;
          message?: string;
          currentVersion?: number;
        };
        if (result.ok && result.version !== undefined) {
          versionRef.current = result.version;
          setVersion(result.version);
          if (!dirtyRef.current) window.localStorage.removeItem(localBackupKey(roundId));
          setState({ status: "saved", savedAt: result.savedAt });
        } else {
          dirtyRef.current = true;
          const status: SaveStatus =
            result.reason === "conflict" ? "conflict" : result.reason === "signed_out" ? "signed_out" : "error";
          setState({ status, message: result.message, conflictVersion: result.currentVersion });
        }
      } catch {
        dirtyRef.current = true;
        setState({
          status: "error",
          message: "Could not reach the server. Your typing is kept in this browser; we will retry.",
        });
      } finally {
        inFlightRef.current = false;
      }
    },
    [enabled, formRef, roundId],
  );

  const onInput = useCallback(() => {
    if (!enabled || !formRef.current) return;
    dirtyRef.current = true;
    try {
      const backup: LocalBackup = {
        values: readFeedbackForm(formRef.current, dimensionKeys),
        at: new Date().toISOString(),
      };
      window.localStorage.setItem(localBackupKey(roundId), JSON.stringify(backup));
    } catch {
      // Storage full or disabled: the server save still runs.
    }
    setState((previous) =>
      previous.status === "conflict" || previous.status === "signed_out"
        ? previous
        : { ...previous, status: "pending" },
    );
    clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [dimensionKeys, enabled, formRef, roundId, save]);

  /** After a conflict: save this tab's text over the other one. */
  const overwrite = useCallback(() => {
    if (state.conflictVersion === undefined) return;
    versionRef.current = state.conflictVersion;
    void save({ force: true });
  }, [save, state.conflictVersion]);

  useEffect(() => {
    if (!enabled) return;
    const flush = () => {
      if (document.visibilityState === "hidden") void save({ keepalive: true });
    };
    const onPageHide = () => void save({ keepalive: true });
    document.addEventListener("visibilitychange", flush);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", flush);
      window.removeEventListener("pagehide", onPageHide);
      clearTimeout(timerRef.current);
    };
  }, [enabled, save]);

  return { state, version, onInput, saveNow: () => save({ force: true }), overwrite };
}
