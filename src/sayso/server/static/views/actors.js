/* #/actors and #/actor/ID: the actor list and one actor's profile with its network. */
import { api, current, focusHeading, h, pager, put, say, setHash, view } from "../core.js";
import { values } from "../vocabularies.js";
import { date, label, plural, quoteItem, typeWord } from "../words.js";
import { drawGraph } from "./graph.js";

export async function actorsView(params, token) {
  document.title = "Actors — sayso";
  const query = new URLSearchParams({ limit: "50", offset: params.get("offset") || "0" });
  for (const key of ["name", "type"]) if (params.get(key)) query.set(key, params.get(key));
  const page = await api("/actors?" + query.toString());
  if (!current(token)) return;
  const nameInput = h("input", { type: "search", id: "actor-name", name: "name", value: params.get("name") || "" });
  const typeSelect = h("select", { id: "actor-type", name: "type" }, h("option", { value: "" }, "Any type"),
    values("actor_type").map((t) => h("option", { value: t }, typeWord(t))));
  typeSelect.value = params.get("type") || "";
  const submit = (event) => {
    if (event) event.preventDefault();
    const p = new URLSearchParams();
    if (nameInput.value.trim()) p.set("name", nameInput.value.trim());
    if (typeSelect.value) p.set("type", typeSelect.value);
    setHash("/actors", p);
  };
  typeSelect.addEventListener("change", submit);
  const form = h("form", { role: "search", "aria-label": "Find actors", onsubmit: submit },
    h("div", { class: "search-row" },
      h("div", { class: "field" }, h("label", { for: "actor-name" }, "Name"), nameInput),
      h("div", { class: "field" }, h("label", { for: "actor-type" }, "Type"), typeSelect),
      h("button", { type: "submit" }, "Find")));
  const table = h("table", { class: "list" },
    h("caption", { class: "visually-hidden" }, "Actors, most quoted first"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Type"),
      h("th", { scope: "col", class: "num" }, "Quotes"), h("th", { scope: "col", class: "num opt" }, "Articles"),
      h("th", { scope: "col", class: "num opt" }, "Mentions"))),
    h("tbody", {}, page.items.map((a) => h("tr", {},
      h("td", {}, h("a", { href: "#/actor/" + a.id }, a.name)), h("td", {}, typeWord(a.type)),
      h("td", { class: "num" }, a.quotes), h("td", { class: "num opt" }, a.articles), h("td", { class: "num opt" }, a.mentions)))));
  const move = (offset) => { const next = new URLSearchParams(params); next.set("offset", String(offset)); setHash("/actors", next); };
  put(view, h("h1", {}, "Actors"), form, h("p", { class: "muted" }, plural(page.total, "actor") + ", most quoted first"),
    page.items.length ? table : h("p", { class: "empty" }, "No actor matches."), page.total > page.limit ? pager(page, move) : null);
  say(plural(page.total, "actor"));
  focusHeading();
}

const TIE_WORDS = { speaks_about: ["speaks about", "is spoken about by"], told: ["told", "was told by"],
  co_quoted: ["quoted alongside", "quoted alongside"] };

function groupByArticle(quotes) {
  const groups = new Map();
  for (const q of quotes) {
    if (!groups.has(q.article_id)) groups.set(q.article_id, []);
    groups.get(q.article_id).push(q);
  }
  return [...groups.values()];
}

export async function actorView(id, token) {
  const [data, graph] = await Promise.all([
    api(`/actors/${encodeURIComponent(id)}?limit=100`),
    api(`/graph?actor_id=${encodeURIComponent(id)}&co_quoted=true&unnamed=true&max_nodes=60`)]);
  if (!current(token)) return;
  const a = data.actor;
  document.title = a.name + " — sayso";
  const said = groupByArticle(data.quotes_by).map((quotes) => {
    const first = quotes[0];
    return h("section", { class: "article-group", "aria-label": first.title || "Article " + first.article_id },
      h("h3", {}, h("a", { href: "#/article/" + first.article_id }, first.title || "Article " + first.article_id)),
      h("p", { class: "meta" }, first.outlet ? h("span", {}, first.outlet) : null, first.published ? h("time", {}, date(first.published)) : null),
      h("ul", { class: "results" }, quotes.map((q) => quoteItem(q, { showSpeaker: false }))));
  });
  const about = data.quotes_about.length
    ? h("ul", { class: "results" }, data.quotes_about.map((q) => quoteItem(q)))
    : h("p", { class: "empty" }, "Nobody else names them inside a quote.");
  const ties = data.ties.map((t) => {
    const outgoing = t.source_id === a.id;
    const words = TIE_WORDS[t.kind] || [label(t.kind), label(t.kind) + " (by)"];
    return h("li", {}, outgoing ? "→ " : "← ", words[outgoing ? 0 : 1], " ",
      h("a", { href: "#/actor/" + (outgoing ? t.target_id : t.source_id) }, outgoing ? t.target : t.source),
      h("span", { class: "count" }, ` ×${t.count}`));
  });
  const coQuoted = data.co_quoted.map((c) => h("li", {}, h("a", { href: "#/actor/" + c.actor.id }, c.actor.name),
    h("span", { class: "count" }, ` · ${plural(c.articles, "article")}`)));
  const relations = data.relations.map((r) => h("li", {},
    r.subject_id ? h("a", { href: "#/actor/" + r.subject_id }, r.subject) : r.subject, " ",
    h("strong", {}, label(r.predicate)), " ",
    r.object_id ? h("a", { href: "#/actor/" + r.object_id }, r.object) : r.object,
    h("span", { class: "count" }, r.claimant ? ` — according to ${r.claimant}` : " — in the article's voice")));
  const graphBox = h("div", { class: "graph-box" },
    h("div", { id: "graph", role: "img", "aria-label": `Network of ${plural(graph.nodes.length, "actor")} around ${a.name} ` +
      `with ${plural(graph.edges.length, "link")}; the same links are listed under Ties.` }));
  put(view,
    h("div", { class: "actor-head" }, h("h1", {}, a.name), h("span", { class: "badge" }, typeWord(a.type)),
      a.named ? null : h("span", { class: "badge" }, "unnamed")),
    h("p", { class: "muted" }, `${plural(a.quotes, "quote")} · ${plural(a.articles, "article")} · ${plural(a.mentions, "mention")}`),
    h("div", { class: "two-col" },
      h("section", { "aria-labelledby": "aliases-heading" }, h("h2", { id: "aliases-heading" }, "Also named"),
        data.aliases.length ? h("ul", { class: "chips" }, data.aliases.map((x) => h("li", {}, x.name, h("span", { class: "count" }, ` ×${x.count}`))))
          : h("p", { class: "empty" }, "No other names.")),
      h("section", { "aria-labelledby": "roles-heading" }, h("h2", { id: "roles-heading" }, "Roles"),
        data.roles.length ? h("ul", { class: "chips" }, data.roles.map((x) => h("li", {}, x.name, h("span", { class: "count" }, ` ×${x.count}`))))
          : h("p", { class: "empty" }, "No role described."))),
    h("section", { "aria-labelledby": "network-heading" },
      h("h2", { id: "network-heading" }, "Network"),
      h("ul", { class: "graph-legend", "aria-label": "Legend" },
        h("li", {}, h("span", { class: "dot PERSON" }), "person"), h("li", {}, h("span", { class: "dot ORG" }), "organisation"),
        h("li", {}, h("span", { class: "dot MEDIA" }), "media"), h("li", {}, h("span", { class: "dot GPE" }), "place"),
        h("li", {}, h("span", { class: "dot GROUP" }), "group"),
        h("li", {}, "arrows: speaks about, told, relations; dashed: quoted in the same article")),
      graphBox),
    h("div", { class: "two-col" },
      h("section", { "aria-labelledby": "said-heading" },
        h("h2", { id: "said-heading" }, "What they said ", h("span", { class: "count" },
          data.quotes_by_total > data.quotes_by.length ? `(${data.quotes_by.length} of ${data.quotes_by_total})` : `(${data.quotes_by_total})`)),
        said.length ? said : h("p", { class: "empty" }, "No quote attributed to them.")),
      h("section", { "aria-labelledby": "about-heading" },
        h("h2", { id: "about-heading" }, "What others said about them ", h("span", { class: "count" }, `(${data.quotes_about_total})`)), about)),
    h("div", { class: "two-col" },
      h("section", { "aria-labelledby": "ties-heading" }, h("h2", { id: "ties-heading" }, "Ties"),
        ties.length ? h("ul", { class: "ties" }, ties) : h("p", { class: "empty" }, "No ties yet."),
        h("h3", {}, "Quoted in the same articles as"),
        coQuoted.length ? h("ul", { class: "ties" }, coQuoted) : h("p", { class: "empty" }, "Nobody.")),
      h("section", { "aria-labelledby": "relations-heading" }, h("h2", { id: "relations-heading" }, "Relations"),
        relations.length ? h("ul", { class: "ties" }, relations) : h("p", { class: "empty" }, "None reported."))));
  say(`${a.name}: ${plural(a.quotes, "quote")}`);
  focusHeading();
  drawGraph(document.getElementById("graph"), graph);
}
