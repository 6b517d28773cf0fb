/**
 * One instance per process: `remix dev --manual` re-imports the server build
 * on every change, and a second PGlite on the same directory would corrupt it.
 */
export function singleton<Value>(name: string, create: () => Value): Value {
  const store = globalThis as unknown as { __calibrateSingletons?: Map<string, unknown> };
  store.__calibrateSingletons ??= new Map();
  if (!store.__calibrateSingletons.has(name)) store.__calibrateSingletons.set(name, create());
  return store.__calibrateSingletons.get(name) as Value;
}
