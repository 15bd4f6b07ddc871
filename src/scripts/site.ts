import { initThemeToggle } from './theme.ts';
import { initCitationPreviews } from './citation-preview.ts';
import { initCopyButtons } from './copy-reference.ts';

initThemeToggle();
initCopyButtons();
initCitationPreviews();
