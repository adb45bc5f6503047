/** The box every story renders in: a form column's width, `dir`/`lang`, the page's own styles. */

export function frame(el: HTMLElement, options: { dir?: string; lang?: string; css?: string; dark?: boolean } = {}): HTMLElement {
  const wrap = document.createElement('div');
  Object.assign(wrap.style, { maxInlineSize: '560px', padding: '16px', fontFamily: 'system-ui, sans-serif' });
  if (options.dir) wrap.dir = options.dir;
  if (options.lang) wrap.lang = options.lang;
  if (options.dark) Object.assign(wrap.style, { background: '#0d1117', color: '#e6edf3', colorScheme: 'dark' });
  if (options.css) wrap.append(Object.assign(document.createElement('style'), { textContent: options.css }));
  wrap.append(el);
  return wrap;
}
