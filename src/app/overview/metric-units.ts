/** The unit of each known metric series; its chart axis is shared by every series in that unit. */
const UNITS: Readonly<Record<string, string>> = {
  cpu: '%',
  memory: 'MB',
  rps: 'req/s',
  load: 'events',
};

/** The unit of a metric series by name; unknown series share a unitless `value` axis. */
export function unitOf(name: string): string {
  return UNITS[name] ?? 'value';
}

// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; the dark
// scheme gets lighter tones of the same hues, for contrast on a dark surface.
const PALETTES = {
  light: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#999999'],
  dark: ['#56b4e9', '#e69f00', '#2fd4a3', '#e8a3c9', '#f0e442', '#9ecae1', '#cccccc'],
};

/** The line colour of the `index`-th series in the light or dark scheme. */
export function seriesColor(index: number, dark: boolean): string {
  const palette = PALETTES[dark ? 'dark' : 'light'];
  return palette[index % palette.length];
}
