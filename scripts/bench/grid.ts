// Plain-text table layout and number formats shared by the terminal tables.

/** Left-aligns the first column (names), right-aligns the rest; rows shorter than the header span the rest of the line. */
export function grid(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.filter((r) => r.length === rows[0].length).map((r) => r[i].length)));
  return rows
    .map((row) => (row.length === widths.length ? row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ') : row.join('  ')))
    .join('\n');
}

export function num(value: number | null | undefined, digits: number): string {
  return value == null ? '-' : value.toFixed(digits);
}

export function times(value: number | null | undefined): string {
  return value == null ? '' : `${value.toFixed(2)}x`;
}

export function signed(value: number | null | undefined): string {
  if (value == null) return '';
  return `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
}
