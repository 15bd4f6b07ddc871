// "Enlarge" on each figure opens it in a modal dialog: Esc or the close button shut it and focus returns to the
// button (native <dialog> behaviour); the figure is scaled to the screen, and pinch-zoom stays available on phones.
export function initFigureDialogs(): void {
  const figures = document.querySelectorAll<HTMLElement>('figure.figure');
  if (!figures.length) return;
  const dialog = document.createElement('dialog');
  dialog.className = 'figure-dialog';
  dialog.setAttribute('aria-labelledby', 'figure-dialog-title');
  document.body.append(dialog);
  dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => dialog.replaceChildren());

  for (const figure of figures) {
    const art = figure.querySelector('.figure-art');
    const caption = figure.querySelector('figcaption');
    const svg = art?.querySelector('svg');
    if (!art || !caption || !svg) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'figure-enlarge';
    button.textContent = 'Enlarge';
    button.setAttribute('aria-label', `Enlarge ${caption.querySelector('strong')?.textContent?.trim() ?? 'figure'}`);
    button.setAttribute('aria-haspopup', 'dialog');
    art.append(button);
    button.addEventListener('click', () => {
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'figure-close';
      close.textContent = '✕';
      close.setAttribute('aria-label', 'Close enlarged figure');
      close.addEventListener('click', () => dialog.close());
      const title = document.createElement('p');
      title.id = 'figure-dialog-title';
      title.textContent = caption.textContent ?? '';
      const copy = svg.cloneNode(true) as SVGElement;
      copy.removeAttribute('aria-labelledby');
      copy.setAttribute('aria-label', art.querySelector('.visually-hidden')?.textContent ?? '');
      dialog.replaceChildren(close, copy, title);
      dialog.showModal();
      close.focus();
    });
  }
}
