// The cue that a table goes on to the side: its frame gets `more-right` / `more-left` while there is more table
// that way, and the CSS draws a shadow on that edge. Kept up to date on scroll and whenever the box changes size.
export function initTableScroll(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>('.table-frame > .table-scroll')];
  if (!boxes.length) return;
  const update = (box: HTMLElement) => {
    const frame = box.parentElement;
    if (!frame) return;
    const max = box.scrollWidth - box.clientWidth;
    // Right-to-left text scrolls to negative offsets; the distance from the start is what counts.
    const from = Math.abs(box.scrollLeft);
    frame.classList.toggle('more-left', max > 1 && from > 1);
    frame.classList.toggle('more-right', max > 1 && from < max - 1);
  };
  const resized = new ResizeObserver((entries) => { for (const e of entries) update(e.target as HTMLElement); });
  for (const box of boxes) {
    update(box);
    box.addEventListener('scroll', () => update(box), { passive: true });
    resized.observe(box);
  }
}
