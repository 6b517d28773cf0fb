import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { navigationFor } from "~/domain/navigation";
import { requireUser } from "~/server/auth/guards.server";
import { roleLabels } from "~/domain/vocabulary";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser({ request, context });
  return { user: { name: user.name, role: user.role }, nav: navigationFor(user) };
}

export default function AppLayout() {
  const { user, nav } = useLoaderData<typeof loader>();
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="text-lg font-bold text-indigo-800">
            Calibrate
          </Link>
          <ul className="flex flex-wrap gap-4 text-sm">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className={({ isActive }) =>
                    isActive
                      ? "font-semibold text-indigo-800 underline underline-offset-4"
                      : "text-slate-700 hover:text-indigo-800"
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-slate-700">
              {user.name} <span className="text-slate-500">· {roleLabels[user.role]}</span>
            </span>
            <Form method="post" action="/logout" className="flex items-center gap-2">
              <button type="submit" className="btn-secondary py-1">
                Sign out
              </button>
              <button
                type="submit"
                name="scope"
                value="everywhere"
                className="text-xs text-slate-700 underline underline-offset-2 hover:text-indigo-800"
                title="Ends your sessions in every browser, including this one"
              >
                Sign out everywhere
              </button>
            </Form>
          </div>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
