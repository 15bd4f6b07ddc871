/** True when a locator value names one item (`84`), not several (`63–67`, `12, 15`, `3 and 4`). */
export function isSingleLocator(value: string): boolean {
  return !/[-–—,&]|\band\b/.test(value);
}

/** A locator as the text shows it: `p. 5`, `sec. 2`, `abstract`, and for reference numbers `ref. 84` or `refs 63–67`. */
export function locatorText(locator: { label: string; value: string }): string {
  if (!locator.value) return locator.label;
  const label = locator.label === 'refs' && isSingleLocator(locator.value) ? 'ref.' : locator.label;
  return `${label} ${locator.value}`;
}
