// Numbers in the gradebook: points to at most two decimals.
export function points(value) {
  return value === null || value === undefined ? '—' : String(Number(value.toFixed(2)));
}
