// Small summary statistics; medians because a shared 2-core machine produces one-sided outliers.
export function quantile(values, q) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function summary(values) {
  const clean = values.filter((value) => Number.isFinite(value));
  if (clean.length === 0) return null;
  return {
    n: clean.length,
    median: quantile(clean, 0.5),
    min: Math.min(...clean),
    max: Math.max(...clean),
    p95: quantile(clean, 0.95),
  };
}

/** a / b, or null when either side is missing (a part that could not run). */
export const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
