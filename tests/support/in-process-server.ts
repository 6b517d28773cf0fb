/**
 * The whole HTTP stack in the test process: the real Express application
 * (app/server/http) and Remix's request handler over a build assembled from
 * the route modules in app/routes, found by Remix's own flat-routes
 * convention, so a route added later is served (and fuzzed) without being
 * listed anywhere. Same modules as the tests import, same database; only the
 * browser assets are left out (pages reference script URLs nobody loads).
 */
/// <reference types="vite/client" />
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { createHttpApp } from "~/server/http/http-app.server";

const appDirectory = path.resolve(import.meta.dirname, "../../app");
const routeModules = import.meta.glob<Record<string, unknown>>("../../app/routes/**/*.{ts,tsx}");

export interface RouteInfo {
  id: string;
  /** The full URL pattern, e.g. /loops/:loopId/debrief. */
  pattern: string;
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
}

export async function inProcessBuild(): Promise<{ build: ServerBuild; routes: RouteInfo[] }> {
  const manifest = flatRoutes(appDirectory, ["**/.*", "**/*.test.{ts,tsx}"]);
  const routes: ServerBuild["routes"] = {
    root: { id: "root", path: "", module: (await import("~/root")) as never },
  };
  for (const route of Object.values(manifest)) {
    const load = routeModules[`../../app/${route.file}`];
    if (!load) throw new Error(`No module for ${route.file}`);
    routes[route.id] = {
      id: route.id,
      parentId: route.parentId,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      module: (await load()) as never,
    };
  }
  const assetRoutes = Object.fromEntries(
    Object.values(routes).map((route) => {
      const module = route.module as unknown as Record<string, unknown>;
      return [
        route.id,
        {
          id: route.id,
          parentId: route.parentId,
          path: route.path,
          index: route.index,
          caseSensitive: route.caseSensitive,
          module: `/build/${route.id}.js`,
          imports: [],
          hasAction: typeof module.action === "function",
          hasLoader: typeof module.loader === "function",
          hasClientAction: false,
          hasClientLoader: false,
          hasErrorBoundary: typeof module.ErrorBoundary === "function",
        },
      ];
    }),
  );
  const build: ServerBuild = {
    mode: "production",
    entry: { module: (await import("~/entry.server")) as never },
    routes,
    assets: {
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: assetRoutes,
      url: "/build/manifest.js",
      version: "in-process",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_singleFetch: true,
      v3_lazyRouteDiscovery: false,
      v3_routeConfig: false,
      unstable_optimizeDeps: false,
    } as ServerBuild["future"],
    isSpaMode: false,
  };

  const fullPattern = (id: string): string => {
    const route = routes[id]!;
    const parent = route.parentId ? fullPattern(route.parentId) : "";
    return route.path ? `${parent.replace(/\/$/, "")}/${route.path}` : parent;
  };
  const info = Object.values(routes)
    .filter((route) => route.id !== "root")
    .map((route) => {
      const module = route.module as unknown as Record<string, unknown>;
      return {
        id: route.id,
        pattern: fullPattern(route.id) || "/",
        index: Boolean(route.index),
        hasLoader: typeof module.loader === "function",
        hasAction: typeof module.action === "function",
      };
    });
  return { build, routes: info };
}

export interface RunningApp {
  url: string;
  routes: RouteInfo[];
  /** One line per refused or failed request, as the server would log them. */
  log: string[];
  close(): Promise<void>;
}

export async function startInProcessServer(
  options: { formBodyLimit?: number; trustProxy?: false | number | string[] } = {},
): Promise<RunningApp> {
  const { build, routes } = await inProcessBuild();
  const log: string[] = [];
  const app = createHttpApp({
    build: () => build,
    mode: "production",
    trustProxy: options.trustProxy ?? false,
    formBodyLimit: options.formBodyLimit ?? 1024 * 1024,
    log: (line) => log.push(line),
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
