/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // Server-only packages stay external (node_modules is never bundled on the server).
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    // Off on purpose: the manifest endpoint it adds has an open DoS advisory on 2.x.
    v3_lazyRouteDiscovery: false,
    // v3_routeConfig is Vite-only and crashes the classic compiler.
  },
};
