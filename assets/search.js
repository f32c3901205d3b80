// The search page's script, the only JavaScript on the site. It loads Pagefind's index
// for the page's language (Pagefind picks it from <html lang>) and lists the matches.
// Every string and format comes from data attributes written by the build, so this file
// holds no language. Text from the index is inserted as text; only <mark> is rebuilt.

const form = document.querySelector('form[data-pagefind-bundle]');
if (form) start(form);

function start(form) {
  const { pagefindBundle, baseUrl, locale, numberingSystem, resultsText, noneText } = form.dataset;
  const input = form.querySelector('input[type="search"]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const digits = new Intl.NumberFormat(locale, { numberingSystem, useGrouping: false });
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
  let pagefind;
  let latest = 0;
  let timer;

  async function load() {
    if (!pagefind) {
      // Both are written relative to the page (the site works under any path): import()
      // would read the bundle's against this script's URL, so each is resolved here.
      pagefind = await import(new URL(pagefindBundle, document.baseURI).href);
      await pagefind.options({ baseUrl: new URL(baseUrl, document.baseURI).pathname });
      await pagefind.init();
    }
    return pagefind;
  }

  async function run(query) {
    const ticket = ++latest;
    const q = query.trim();
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!q) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await (await load()).search(q);
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    if (ticket !== latest) return; // a newer query was typed meanwhile
    list.replaceChildren(...results.map(resultItem));
    status.textContent = search.results.length ? fill(resultsText, { count: digits.format(search.results.length), query: q }) : fill(noneText, { query: q });
  }

  function resultItem(result) {
    const item = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);
    item.append(heading);
    if (result.meta.date) {
      const date = document.createElement('p');
      date.className = 'meta';
      date.textContent = result.meta.date;
      item.append(date);
    }
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(excerpt);
    return item;
  }

  // Pagefind's excerpt is HTML: escaped text with <mark> around the matches. Parse it
  // inertly and keep only text and the marks.
  function excerptNodes(html) {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
    return [...(parsed?.childNodes ?? [])].map((node) => {
      if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    });
  }

  const report = (error) => {
    console.error(error);
    status.textContent = '';
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value).catch(report);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value).catch(report), 250);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    run(initial).catch(report);
  }
}
