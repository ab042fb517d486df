// The report's only script, inlined: filter and expand controls, copy buttons, and opening
// collapsed sections when a link points inside them. The page is complete without it.
export const SCRIPT = `
(() => {
  const checks = () => document.querySelectorAll('details.check');
  const reveal = (id) => {
    const el = id && document.getElementById(id);
    if (!el) return;
    for (let p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    el.scrollIntoView({ block: 'start' });
  };
  document.getElementById('only-problems').addEventListener('change', (e) => {
    document.body.classList.toggle('only-problems', e.target.checked);
  });
  document.getElementById('expand-all').addEventListener('click', () => checks().forEach((d) => (d.open = true)));
  document.getElementById('collapse-all').addEventListener('click', () => checks().forEach((d) => (d.open = false)));
  document.addEventListener('click', (e) => {
    const button = e.target.closest('button.copy');
    if (button) {
      const text = button.parentElement.querySelector('pre').textContent;
      const done = () => { button.textContent = 'Copied'; setTimeout(() => (button.textContent = 'Copy'), 1500); };
      navigator.clipboard?.writeText(text).then(done, () => window.getSelection().selectAllChildren(button.parentElement.querySelector('pre')));
      return;
    }
    const link = e.target.closest('a[href^="#"]');
    if (link) { e.preventDefault(); history.replaceState(null, '', link.getAttribute('href')); reveal(link.getAttribute('href').slice(1)); }
  });
  reveal(location.hash.slice(1));
})();
`;
