import { initThemeToggle } from './theme.ts';
import { initCitationPreviews } from './citation-preview.ts';
import { initCopyButtons } from './copy-reference.ts';
import { initEntityCards } from './entity-card.ts';
import { initEntityFilter } from './entity-filter.ts';
import { initFigureDialogs } from './figure-dialog.ts';
import { initSearch } from './search.ts';

initThemeToggle();
initCopyButtons();
initCitationPreviews();
initEntityCards();
initEntityFilter();
initFigureDialogs();
initSearch();
