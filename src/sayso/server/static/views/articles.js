/* #/articles and #/article/ID: the article list and one annotated article. */
import { api, current, focusHeading, h, pager, put, say, setHash, view } from "../core.js";
import { webUrl } from "../links.js";
import { date, languageName, plural } from "../words.js";
import { annotatedArticle } from "./reader.js";

const PAGE = 25;

export async function articlesView(params, token) {
  document.title = "Articles — sayso";
  const query = new URLSearchParams({ limit: String(PAGE), offset: params.get("offset") || "0", facets: "true" });
  for (const name of ["search", "lang"]) if (params.get(name)) query.set(name, params.get(name));
  const page = await api("/articles?" + query.toString());
  if (!current(token)) return;
  const input = h("input", { type: "search", id: "article-search", name: "search", value: params.get("search") || "" });
  const chosen = params.get("lang") || "";
  const languages = ((page.facets || {}).lang || []).filter((f) => f.value);
  if (chosen && !languages.some((f) => f.value === chosen)) languages.push({ value: chosen, count: 0 });
  const lang = h("select", { id: "article-lang", name: "lang" }, h("option", { value: "" }, "Any language"),
    ...languages.map((f) => h("option", { value: f.value }, `${languageName(f.value)} (${f.count})`)));
  lang.value = chosen;
  const submit = () => {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set("search", input.value.trim());
    if (lang.value) p.set("lang", lang.value);
    setHash("/articles", p);
  };
  lang.addEventListener("change", submit);
  const form = h("form", { role: "search", "aria-label": "Article search", onsubmit: (event) => { event.preventDefault(); submit(); } },
    h("div", { class: "search-row" }, h("div", { class: "field" }, h("label", { for: "article-search" }, "Search articles"), input),
      h("div", { class: "field" }, h("label", { for: "article-lang" }, "Language"), lang),
      h("button", { type: "submit" }, "Search")));
  const rows = page.items.map((a) => h("li", { class: "result" },
    h("h2", { class: "title" }, h("a", { href: "#/article/" + a.id }, a.title || a.source_key || "Article " + a.id)),
    h("div", { class: "meta" }, a.outlet ? h("span", {}, a.outlet) : null,
      a.published ? h("time", { datetime: a.published }, date(a.published)) : null,
      a.lang ? h("span", { class: "lang" }, languageName(a.lang)) : null,
      h("span", {}, plural(a.quotes, "quote")), h("span", {}, plural(a.actors, "actor")))));
  const move = (offset) => { const next = new URLSearchParams(params); next.set("offset", String(offset)); setHash("/articles", next); };
  put(view, h("h1", {}, "Articles"), form, h("p", { class: "muted" }, plural(page.total, "article")),
    rows.length ? h("ul", { class: "results" }, rows) : h("p", { class: "empty" }, "No article matches."),
    page.total > page.limit ? pager(page, move) : null);
  say(plural(page.total, "article"));
  focusHeading();
}

export async function articleView(id, params, token) {
  const data = await api("/articles/" + encodeURIComponent(id));
  if (!current(token)) return;
  const a = data.article;
  const title = a.title || a.source_key || "Article " + a.id;
  document.title = title + " — sayso";
  const original = webUrl(a.url);  // only http(s): a javascript: URL would run
  const meta = h("p", { class: "meta" }, a.outlet ? h("span", {}, a.outlet) : null,
    a.published ? h("time", { datetime: a.published }, date(a.published)) : null,
    a.author ? h("span", {}, "by " + a.author) : null,
    h("span", { class: "lang" }, languageName(a.lang)),
    original ? h("a", { href: original, rel: "noopener noreferrer" }, "original") : null,
    h("span", {}, plural(data.analysis.quotes.length, "quote")));
  put(view, annotatedArticle(data.analysis, { actorIds: data.actor_ids, selected: params.get("quote"), title, meta }));
  say(`${title}: ${plural(data.analysis.quotes.length, "quote")}`);
  if (!params.get("quote")) focusHeading();
}
