import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Not found · Calibrate" }];

export async function loader() {
  throw new Response("There is nothing at this address. It may have moved, or the link may be mistyped.", {
    status: 404,
  });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return (
    <main className="px-4">
      <GeneralErrorBoundary />
    </main>
  );
}
