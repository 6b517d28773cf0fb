// ESLint flat config: typescript-eslint's recommended rules, React hooks rules,
// and the layer rule that keeps the architecture one-directional:
//   routes -> components -> (schemas, domain, utils)
//   routes -> server -> (schemas, domain, utils)
// Components never reach the server; server never reaches routes or components;
// schemas and domain import nothing above them, and domain never the database.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Type-only imports are erased at build time, so a component may name the shape a
// loader returns (e.g. `type Debrief`) without pulling server code into the bundle.
const layer = (files, forbidden, why, { allowTypeImports = false } = {}) => ({
  files,
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      { patterns: [{ group: forbidden, message: why, allowTypeImports }] },
    ],
  },
});

const routes = ["~/routes/*", "**/routes/*"];
const components = ["~/components/*", "**/components/*"];
const server = ["~/server/*", "**/server/*", "*.server", "**/*.server"];
const schemas = ["~/schemas/*", "**/schemas/*"];
const database = ["~/generated/prisma/client", "**/generated/prisma/client", "@prisma/*", "pg", "@electric-sql/*"];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      ".cache/",
      "app/generated/",
      "node_modules/",
      "data/",
      "bench/out/",
      "reports/",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  layer(
    ["app/components/**"],
    [...routes, ...server],
    "Components draw: pass data in from the route's loader instead of importing routes or server modules.",
    { allowTypeImports: true },
  ),
  layer(["app/server/**"], [...routes, ...components], "Server modules never import routes or components."),
  layer(["app/schemas/**"], [...routes, ...components, ...server], "Schemas import only domain and utils."),
  layer(
    ["app/domain/**"],
    [...routes, ...components, ...server, ...schemas, ...database],
    "Domain logic is pure: no schemas, server, UI or database imports (enum types from ~/generated/prisma/enums are fine).",
  ),
  // Playwright fixtures call their `use` callback, which is not React's hook.
  { files: ["tests/e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  layer(
    ["app/utils/**"],
    [...routes, ...components, ...server, ...schemas, ...database],
    "Utilities import nothing from the app's layers.",
  ),
);
