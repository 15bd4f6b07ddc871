// Runs before first paint so a stored theme, or the reader's choice to highlight every term, never flashes the other.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  try {
    var theme = localStorage.getItem('theme');
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    if (localStorage.getItem('highlight-terms') === 'on') root.dataset.highlight = 'on';
  } catch (e) { /* storage blocked: follow the system, quiet marking */ }
})();
