/** The site's own pages besides the chapters, in the order the header and the menu list them. */
export const SITE_LINKS: readonly { href: string; label: string }[] = [
  { href: 'references/', label: 'References' },
  { href: 'entities/', label: 'Entities' },
  { href: 'glossary/', label: 'Glossary' },
  { href: 'community/', label: 'Community' },
];
