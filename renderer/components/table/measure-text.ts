// Text widths for sizing columns to what they hold (a status badge's longest label in the current
// language, a timestamp in the operator's format), measured with a canvas in the page's own font,
// so a column is exactly as wide as its widest badge and never clips it.
let context: CanvasRenderingContext2D | null | undefined;

function ctx(): CanvasRenderingContext2D | null {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return context;
}

export interface TextStyle {
  sizePx: number;
  weight?: number;
  uppercase?: boolean;
  letterSpacingPx?: number;
  monospace?: boolean;
}

function family(monospace: boolean): string {
  if (typeof document === 'undefined') return 'sans-serif';
  const style = getComputedStyle(document.body);
  const variable = style.getPropertyValue(monospace ? '--mantine-font-family-monospace' : '--mantine-font-family').trim();
  return variable || (monospace ? 'monospace' : style.fontFamily || 'sans-serif');
}

/** The widest of `texts` in that style, in CSS pixels (rounded up). Without a canvas: a generous estimate. */
export function widestText(texts: readonly string[], style: TextStyle): number {
  const c = ctx();
  let widest = 0;
  for (const raw of texts) {
    const text = style.uppercase ? raw.toUpperCase() : raw;
    let width: number;
    if (c) {
      c.font = `${style.weight ?? 400} ${style.sizePx}px ${family(style.monospace ?? false)}`;
      width = c.measureText(text).width;
    } else {
      width = text.length * style.sizePx * 0.7;
    }
    widest = Math.max(widest, width + (style.letterSpacingPx ?? 0) * text.length);
  }
  return Math.ceil(widest);
}
