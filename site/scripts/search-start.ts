/**
 * The search page's first script: fills the form from the URL and wires it, and loads the search
 * code (site/scripts/search-page.ts, the index reader and the renderer) only when a search runs,
 * or as soon as the visitor starts typing, so the page itself loads with almost no JavaScript.
 */
import { searchText } from '../i18n/search-text.ts';
import { FILTER_KEYS } from '../lib/search/format.ts';

let searchModule: Promise<typeof import('./search-page.ts')> | undefined;
const load = () => (searchModule ??= import('./search-page.ts'));

function fillForm(form: HTMLFormElement, params: URLSearchParams): void {
  for (const name of ['q', 'sort', ...FILTER_KEYS]) {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(name);
    if (control && value !== null) control.value = value;
  }
}

function search(form: HTMLFormElement): void {
  load()
    .then((m) => m.search(form))
    .catch((error: unknown) => {
      // The search code itself did not load (offline, a deploy in progress).
      const t = searchText[document.documentElement.lang === 'en' ? 'en' : 'zh'];
      document.getElementById('search-status')!.textContent = t.error(
        error instanceof Error ? error.message : String(error),
      );
    });
}

/** Wires the search page: reads the URL, searches, and keeps the URL in step with the form. */
export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  fillForm(form, new URLSearchParams(location.search));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form))
      if (String(v) && !(k === 'sort' && v === 'desc')) params.set(k, String(v));
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
    search(form);
  });
  // Typing is the sign a search is coming: fetch the code while the visitor types.
  form.addEventListener('input', () => void load(), { once: true });
  if (location.search) search(form);
}
