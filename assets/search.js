// The search page's script, the only JavaScript on the site. It loads Pagefind's index
// for the page's language (Pagefind picks it from <html lang>) and lists the matches,
// newest first. The index comes in parts (newest first, ADR 023): Pagefind is loaded from
// the first and the others are merged into it, each tagged with its folder's name as the
// filter `part`. Parts hold consecutive stretches of time, so the newest matches are the
// newest part's, then the next part's: one search counts the matches in every part, and
// only the parts needed to fill the list are searched again, alone, sorted by date.
// Every string and format comes from data attributes written by the build, so this file
// holds no language. Text from the index is inserted as text; only <mark> is rebuilt.

const LIMIT = 20;
const form = document.querySelector('form[data-pagefind-parts]');
if (form) start(form);

function start(form) {
  const { pagefindParts, baseUrl, locale, numberingSystem, resultsText, noneText } = form.dataset;
  // Resolved against the page: import() alone would resolve a relative path against this script.
  const parts = pagefindParts
    .split(' ')
    .filter(Boolean)
    .map((part) => {
      const url = new URL(part, document.baseURI).href;
      return { url, id: url.split('/').at(-2) };
    });
  const input = form.querySelector('input[type="search"]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const digits = new Intl.NumberFormat(locale, { numberingSystem, useGrouping: false });
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
  let pagefind;
  let latest = 0;
  let timer;

  // One load for every query (one typed while the index loads waits for the same);
  // a failed load is tried again by the next query. The base URL is written relative to
  // the page (the site works under any path): Pagefind wants it as a path.
  function load() {
    pagefind ??= (async () => {
      const [newest, ...older] = parts;
      const base = new URL(baseUrl, document.baseURI).pathname;
      const loaded = await import(`${newest.url}pagefind.js`);
      await loaded.options({ baseUrl: base });
      await loaded.init();
      await loaded.options({ mergeFilter: { part: newest.id } });
      await Promise.all(older.map((part) => loaded.mergeIndex(part.url, { baseUrl: base, mergeFilter: { part: part.id } })));
      return loaded;
    })().catch((error) => {
      pagefind = undefined;
      throw error;
    });
    return pagefind;
  }

  /** The number of matches, and the newest LIMIT of them. */
  async function find(q) {
    // An edition without stories has no index: nothing to find.
    if (!parts.length) return { count: 0, results: [] };
    const pf = await load();
    const all = await pf.search(q);
    const inPart = all.filters?.part ?? {};
    let searched = parts.filter((part) => inPart[part.id]);
    // Pagefind leaves a word out of a search when its index has no word starting with it:
    // a part that lacks one of the words would list stories without it, where one index of
    // every story lists none of that part's. Such a part has no matches.
    const words = q.split(/\s+/).filter(Boolean);
    if (words.length > 1) {
      const byWord = await Promise.all(words.map((word) => pf.search(word)));
      searched = searched.filter((part) => byWord.every((found) => !found.results.length || found.filters?.part?.[part.id]));
    }
    const results = [];
    for (const part of searched) {
      if (results.length >= LIMIT) break;
      const found = await pf.search(q, { filters: { part: part.id }, sort: { published: 'desc' } });
      results.push(...found.results.slice(0, LIMIT - results.length));
    }
    return { count: searched.reduce((sum, part) => sum + inPart[part.id], 0), results };
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
    const found = await find(q);
    const results = await Promise.all(found.results.map((r) => r.data()));
    if (ticket !== latest) return; // a newer query was typed meanwhile
    list.replaceChildren(...results.map(resultItem));
    status.textContent = found.count ? fill(resultsText, { count: digits.format(found.count), query: q }) : fill(noneText, { query: q });
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
