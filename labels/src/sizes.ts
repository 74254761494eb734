/** Decimal units (1 kB = 1,000 bytes), as file managers show sizes, named as Intl names them. */
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, unit: (typeof UNITS)[number], digits: number): Intl.NumberFormat {
  const key = `${locale}|${unit}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, format);
  }
  return format;
}

/**
 * A byte count as people read it, spelt the way the locale spells units (Intl's `kilobyte`,
 * `megabyte` …: "8.4 MB" and "8,4 MB", "950 byte" and "950 Byte", "12 kB" in both): whole numbers
 * below a megabyte, one decimal from there on, so a total that counts up keeps its width.
 */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return formatter(locale, UNITS[unit]!, unit >= 2 ? 1 : 0).format(value);
}
