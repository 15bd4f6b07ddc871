// Runs before first paint so a stored theme never flashes the other one.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  try {
    var theme = localStorage.getItem('theme');
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  } catch (e) { /* storage blocked: follow the system */ }
})();
