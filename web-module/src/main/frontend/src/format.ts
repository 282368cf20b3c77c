// Small formatting helpers: money in USDC (integers of 10^-6), sizes, and safe HTML.

const USDC_DECIMALS = 6

/** An amount in the settlement asset's smallest unit, shown in USDC. */
export function usdc(amount: number): string {
  const value = amount / 10 ** USDC_DECIMALS
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 6 })} USDC`
}

export function mib(value: number): string {
  return value >= 1024 ? `${(value / 1024).toFixed(value % 1024 === 0 ? 0 : 1)} GiB` : `${value} MiB`
}

export function percent(value: number, digits = 1): string {
  return `${value.toFixed(digits)}%`
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe to put into HTML. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c])
}

export function stars(rating: number): string {
  const full = Math.round(rating)
  return '★'.repeat(full) + '☆'.repeat(5 - full)
}

/** An ISO-8601 duration such as PT1H or PT6S, in words: "1 h", "6 s". */
export function duration(iso: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso)
  if (!m) return iso
  const parts = [
    [m[1], 'd'],
    [m[2], 'h'],
    [m[3], 'min'],
    [m[4], 's'],
  ].filter(([v]) => v && Number(v) > 0)
  return parts.length ? parts.map(([v, unit]) => `${Number(v)} ${unit}`).join(' ') : '0 s'
}
