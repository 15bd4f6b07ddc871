import { initThemeToggle } from './theme.ts';

initThemeToggle();
