/* #/ : quote search with facets. */
import { api, current, focusHeading, h, pager, put, say, setHash, view } from "../core.js";
import { term, values } from "../vocabularies.js";
import { languageName, plural, quoteItem } from "../words.js";

const PAGE = 25;
const FILTERS = ["search", "speaker", "outlet", "lang", "kind", "type", "certainty", "since", "until"];

export async function searchView(params, token) {
  document.title = "Quotes — sayso";
  const field = (id, text, control) => h("div", { class: "field" }, h("label", { for: id }, text), control);
  const select = (id, name, placeholder) => h("select", { id, name }, h("option", { value: "" }, placeholder));
  const form = h("form", { role: "search", id: "search-form", "aria-label": "Quote search" },
    h("div", { class: "search-row" },
      field("q", "Search quotes", h("input", { type: "search", id: "q", name: "search",
        placeholder: 'words, "a phrase", or tax* OR budget', autocomplete: "off" })),
      h("button", { type: "submit" }, "Search")),
    h("fieldset", { class: "facets" }, h("legend", {}, "Filters"),
      h("div", { class: "facet-grid" },
        field("f-speaker", "Speaker", h("input", { type: "text", id: "f-speaker", name: "speaker",
          list: "speakers", placeholder: "e.g. Lopez", autocomplete: "off" })),
        h("datalist", { id: "speakers" }),
        field("f-outlet", "Outlet", select("f-outlet", "outlet", "Any outlet")),
        field("f-lang", "Language", select("f-lang", "lang", "Any language")),
        field("f-kind", "Kind", select("f-kind", "kind", "Any kind")),
        field("f-type", "Type", select("f-type", "type", "Any type")),
        field("f-certainty", "Certainty", select("f-certainty", "certainty", "Any certainty")),
        field("f-since", "Published from", h("input", { type: "date", id: "f-since", name: "since" })),
        field("f-until", "Published until", h("input", { type: "date", id: "f-until", name: "until" }))),
      h("div", { class: "form-actions" },
        h("label", { class: "check", for: "f-unattributed" },
          h("input", { type: "checkbox", id: "f-unattributed", name: "unattributed",
            title: "Also quotes whose source the text does not name" }),
          "Include unattributed quotes"),
        h("button", { type: "button", class: "secondary", id: "clear",
          onclick: () => { form.reset(); setHash("/", new URLSearchParams()); } }, "Clear filters"))));
  const results = h("section", { id: "results", "aria-labelledby": "results-heading" });
  put(view, h("h1", {}, "Who said what"), form, results);
  form.addEventListener("submit", (event) => { event.preventDefault(); submitSearch(form); });
  for (const control of form.querySelectorAll("select, input[type=date], input[type=checkbox]")) {
    control.addEventListener("change", () => submitSearch(form));
  }
  await runSearch(params, token);
  focusHeading();
}

function submitSearch(form) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = (form.elements[name].value || "").trim();
    if (value) params.set(name, value);
  }
  if (form.elements.unattributed.checked) params.set("attributed", "false");
  setHash("/", params);
}

function fillSelect(select, values, chosen, labeller) {
  const first = select.options[0];
  const options = values.map((f) => h("option", { value: f.value }, `${labeller(f.value)} (${f.count})`));
  if (chosen && !values.some((f) => f.value === chosen)) options.push(h("option", { value: chosen }, labeller(chosen)));
  put(select, first, ...options);
  select.value = chosen || "";
}

export async function runSearch(params, token) {
  const form = document.getElementById("search-form");
  const results = document.getElementById("results");
  if (!form || !results) return;
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
  form.elements.unattributed.checked = params.get("attributed") === "false";
  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
  if (params.get("attributed") === "false") query.set("attributed", "false");
  query.set("facets", "true");
  query.set("limit", String(PAGE));
  query.set("offset", params.get("offset") || "0");
  results.setAttribute("aria-busy", "true");
  let page;
  try {
    page = await api("/quotes?" + query.toString());
  } finally {
    results.removeAttribute("aria-busy");
  }
  if (!current(token)) return;
  const facets = page.facets || {};
  fillSelect(form.elements.outlet, (facets.outlet || []).filter((f) => f.value), params.get("outlet"), String);
  fillSelect(form.elements.lang, (facets.lang || []).filter((f) => f.value), params.get("lang"), languageName);
  const kinds = (facets.kind || []).concat(values("quote_kind").filter((k) => !(facets.kind || []).some((f) => f.value === k))
    .map((k) => ({ value: k, count: 0 })));
  fillSelect(form.elements.kind, kinds, params.get("kind"), (k) => term("quote_kind", k));
  const certainties = values("certainty").map((c) => (facets.certainty || []).find((f) => f.value === c) || { value: c, count: 0 });
  fillSelect(form.elements.certainty, certainties, params.get("certainty"), (c) => term("certainty", c));
  const types = values("statement_type").map((t) => (facets.type || []).find((f) => f.value === t) || { value: t, count: 0 });
  fillSelect(form.elements.type, types, params.get("type"), (t) => term("statement_type", t));
  put(document.getElementById("speakers"),
    ...(facets.speaker || []).map((f) => h("option", { value: f.value }, `${f.count} quotes`)));
  const heading = h("h2", { id: "results-heading" }, plural(page.total, "quote"),
    h("span", { class: "count" }, page.total ? ", newest first" : ""));
  const list = page.items.length
    ? h("ol", { class: "results", start: page.offset + 1 }, page.items.map((q) => quoteItem(q)))
    : h("p", { class: "empty" }, "No quote matches. Try fewer words or clear the filters.");
  const move = (offset) => { const next = new URLSearchParams(params); next.set("offset", String(offset)); setHash("/", next); };
  put(results, heading, list, page.total > page.limit ? pager(page, move) : null);
  results.dataset.query = query.toString();  // what the shown results answer (tests wait on it)
  say(`${plural(page.total, "quote")} found`);
}
