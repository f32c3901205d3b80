/**
 * Fills `{name}` placeholders in an edition's UI strings ("Page {n} of {count}").
 * Word order differs between languages, so strings carry placeholders rather than
 * being concatenated; numbers are formatted (digits) by the caller.
 */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
