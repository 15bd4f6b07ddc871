// Adds "Copy" to every reference entry: the formatted text with its identifiers (shown as links, not in the text),
// as a reader would paste it into a manuscript.
export function initCopyButtons(): void {
  for (const entry of document.querySelectorAll<HTMLElement>('li.reference')) {
    const text = entry.querySelector('.reference-text');
    const links = entry.querySelector('.reference-links');
    if (!text || !links) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', `Copy reference ${entry.getAttribute('value') ?? ''}`.trim());
    const status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      const ids = [...links.querySelectorAll<HTMLElement>('a[data-cite-id]')].map((a) => a.dataset['citeId']);
      const value = [text.textContent?.replace(/\s+/g, ' ').trim() ?? '', ...ids].join(' ');
      try {
        await navigator.clipboard.writeText(value);
        status.textContent = 'Copied';
      } catch {
        status.textContent = 'Copy failed: select the text instead';
      }
      window.setTimeout(() => { status.textContent = ''; }, 2500);
    });
    links.append(button, status);
  }
}
