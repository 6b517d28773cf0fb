import { useFetcher } from "@remix-run/react";

/**
 * For the People page: ends every session of one person (a lost laptop, a
 * departure). Stays on the page and says what happened.
 */
export function SignOutEverywhereForm({ userId, name }: { userId: string; name: string }) {
  const fetcher = useFetcher<{ ok: boolean; message: string }>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action={`/admin/users/${userId}/sessions`} className="inline-flex items-center gap-2">
      <button
        type="submit"
        name="intent"
        value="sign-out-everywhere"
        className="btn-secondary py-1 text-xs"
        disabled={busy}
        aria-label={`Sign ${name} out everywhere`}
      >
        {busy ? "Signing out…" : "Sign out everywhere"}
      </button>
      <span role="status" className="text-xs text-slate-700">
        {fetcher.data?.message ?? ""}
      </span>
    </fetcher.Form>
  );
}
