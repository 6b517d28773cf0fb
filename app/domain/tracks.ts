/** Target tracks for engineers moving into product, as form options. */
export const trackOptions = [
  ["core_pm", "Core PM"],
  ["technical_pm", "Technical PM"],
  ["apm", "APM"],
] as const;
