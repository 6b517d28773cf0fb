/** A rubric dimension as the feedback form and the rubric editor show it: its definition and level anchors. */
export const dimensionDetailSelect = {
  id: true,
  key: true,
  name: true,
  definition: true,
  lowLabel: true,
  highLabel: true,
  core: true,
  position: true,
  anchor1: true,
  anchor2: true,
  anchor3: true,
  anchor4: true,
} as const;
