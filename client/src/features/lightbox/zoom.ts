/** The zoom steps of the lightbox and the compare view: fit, then 1.5×, 2×, 3×, 4×. */
export const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

export function nextZoom(current: number, direction: 1 | -1): number {
  const index = ZOOM_STEPS.findIndex((step) => step >= current);
  const at = index === -1 ? ZOOM_STEPS.length - 1 : index;
  return ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, at + direction))]!;
}
