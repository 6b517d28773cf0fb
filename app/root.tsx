import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useNonce } from "~/components/nonce";
import { getPublicEnv } from "~/env.server";
import { getSession } from "~/server/auth/session.server";
import { configureZod } from "~/schemas/zod-config";
import stylesheet from "~/tailwind.css";

// Before any other route module, and so any schema, is evaluated (see the module).
configureZod();

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, setCookie } = await getSession(request, context);
  // Re-send the cookie when the session's expiry slid forward (or it ended).
  return data({ user, ENV: getPublicEnv() }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  useEffect(() => {
    // Lets end-to-end tests (and support staff) tell when the page has become interactive.
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <script
          nonce={nonce}
          // Only the whitelisted public env reaches the browser.
          dangerouslySetInnerHTML={{ __html: `window.ENV = ${JSON.stringify(rootData?.ENV ?? {})}` }}
        />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return (
    <main className="px-4">
      <GeneralErrorBoundary />
    </main>
  );
}
