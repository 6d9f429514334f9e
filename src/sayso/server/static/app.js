/* sayso web page: a small hash-routed app over the REST API (no build step, no framework).
   Views: #/ (quote search with facets), #/articles, #/article/ID, #/actors, #/actor/ID, #/paste.
   Every piece of text from the API is inserted as text (textContent), never as HTML. */
(function () {
  "use strict";

  const PALETTE_SIZE = 10;
  const PAGE = 25;
  const KINDS = ["direct", "indirect", "mixed", "partial", "according_to", "transcript"];
  const CERTAINTY = ["asserted", "hedged", "doubted"];
  const view = document.getElementById("view");
  const statusEl = document.getElementById("status");
  const alertEl = document.getElementById("alert");
  let routeToken = 0;
  let currentView = null;

  // -- small helpers ------------------------------------------------------------------------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") el.className = value;
      else if (key === "text") el.textContent = value;
      else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  /** Replace an element's children, skipping null/false (conditional parts of a view). */
  function put(el, ...children) {
    el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  }

  function say(message) { statusEl.textContent = message; }

  function showError(error) {
    alertEl.hidden = !error;
    alertEl.textContent = error ? (error.message || String(error)) : "";
  }

  async function api(path, options) {
    const init = Object.assign({ headers: { Accept: "application/json" } }, options || {});
    if (init.body) init.headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(path, init);
    } catch (err) {
      throw new Error("The server cannot be reached (" + err.message + ").");
    }
    let data = null;
    try { data = await response.json(); } catch (err) { data = null; }
    if (!response.ok) {
      let message = response.status + " " + response.statusText;
      if (data && data.message) message = data.message;
      else if (data && typeof data.detail === "string") message = data.detail;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function hashParams() {
    const raw = location.hash.replace(/^#/, "") || "/";
    const [path, query] = raw.split("?");
    return { parts: path.split("/").filter(Boolean), params: new URLSearchParams(query || "") };
  }

  function setHash(path, params) {
    const query = params && params.toString();
    const target = "#" + path + (query ? "?" + query : "");
    if (location.hash !== target) location.hash = target;
  }

  function date(value) { return value ? String(value).slice(0, 10) : ""; }
  /** A quote's own words: a split quote's parts joined with " … ", without "he said" between them. */
  function quoteWords(q) {
    if (!q.parts || q.parts.length < 2) return q.text;
    return q.parts.map((p) => q.text.slice(p[0] - q.start, p[1] - q.start)).join(" … ");
  }
  const TYPE_WORDS = { PERSON: "person", ORG: "organisation", MEDIA: "media outlet", GPE: "country or city",
    LOC: "place", NORP: "nationality or group", GROUP: "group" };
  /** An actor type as words ("nationality or group"), never its code ("norp"). */
  function typeWord(type) { return TYPE_WORDS[type] || label(String(type || "").toLowerCase()); }
  /** The colour class of the i-th speaker: ten hand-picked ones, then hues spread by the golden
      angle (a rule is added once per class), so colours do not repeat. */
  function speakerClass(i) {
    if (i < PALETTE_SIZE) return "c" + i;
    const name = "c" + i;
    let sheet = document.getElementById("speaker-colours");
    if (!sheet) { sheet = h("style", { id: "speaker-colours" }); document.head.append(sheet); }
    if (!sheet.textContent.includes("." + name + " ")) {
      const hue = Math.round((i * 137.508) % 360);
      sheet.append(`.${name} { --bg: hsl(${hue} 85% 88%); --bg-strong: hsl(${hue} 80% 78%); --sp: hsl(${hue} 70% 28%); }\n`);
    }
    return name;
  }
  /** A claim's verdict as a reader should see it: "all deny" when every report denies it. */
  function claimLabel(c) {
    if (c.verdict === "contradict") return "contradicted";
    const positions = Object.keys(c.positions || {});
    return positions.length === 1 && positions[0] === "denies" ? "all deny" : "agreed";
  }
  function label(value) { return String(value || "").replace(/_/g, " "); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function badges(q) {
    const out = [h("span", { class: "badge", title: "How the quote is reported" }, label(q.kind))];
    if (q.certainty && q.certainty !== "asserted") out.push(h("span", { class: "badge " + q.certainty }, q.certainty));
    if (q.polarity === "negative") out.push(h("span", { class: "badge negative" }, "negative"));
    if (q.stance && q.stance !== "neutral") out.push(h("span", { class: "badge " + q.stance }, q.stance));
    return out;
  }

  function focusHeading() {
    const heading = view.querySelector("h1");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: true }); }
  }

  function markNav(name) {
    for (const link of document.querySelectorAll("[data-nav]")) {
      if (link.dataset.nav === name) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  function pager(page, onMove) {
    const start = page.total ? page.offset + 1 : 0;
    const end = page.offset + page.items.length;
    return h("nav", { class: "pager", "aria-label": "Pages" },
      h("button", { type: "button", class: "secondary", disabled: page.offset === 0,
        onclick: () => onMove(Math.max(0, page.offset - page.limit)) }, "← Previous"),
      h("span", { class: "muted" }, `${start}–${end} of ${page.total}`),
      h("button", { type: "button", class: "secondary", disabled: !page.next,
        onclick: () => onMove(page.offset + page.limit) }, "Next →"));
  }

  function quoteItem(q, { showSpeaker = true } = {}) {
    const speaker = q.speaker_id
      ? h("a", { href: "#/actor/" + q.speaker_id }, q.speaker)
      : h("span", {}, q.speaker_as ? `(${q.speaker_as})` : "unattributed");
    return h("li", { class: "result" },
      h("blockquote", { class: "kind-" + q.kind }, quoteWords(q)),
      h("div", { class: "meta" },
        showSpeaker ? speaker : null,
        q.cue ? h("span", {}, "cue: " + q.cue) : null,
        ...badges(q),
        q.outlet ? h("span", {}, q.outlet) : null,
        q.published ? h("time", { datetime: q.published }, date(q.published)) : null,
        h("a", { href: `#/article/${q.article_id}?quote=${encodeURIComponent(q.local_id)}`,
          "aria-label": `Read in context: ${q.title || "article " + q.article_id}` }, "Read in context")));
  }

  // -- router --------------------------------------------------------------------------------
  async function route() {
    const { parts, params } = hashParams();
    const token = ++routeToken;
    const name = parts[0] || "quotes";
    showError(null);
    try {
      if (name === "quotes" && currentView === "quotes") { await runSearch(params, token); return; }
      if (currentView !== null) window.scrollTo(0, 0);
      currentView = name;
      markNav(name === "article" ? "articles" : name === "actor" ? "actors" : name);
      if (name === "quotes") await searchView(params, token);
      else if (name === "articles") await articlesView(params, token);
      else if (name === "article") await articleView(parts[1], params, token);
      else if (name === "actors") await actorsView(params, token);
      else if (name === "actor") await actorView(parts[1], token);
      else if (name === "claims") await claimsView(params, token);
      else if (name === "paste") pasteView();
      else { put(view, h("h1", {}, "Not found"), h("p", {}, h("a", { href: "#/" }, "Back to quotes"))); }
    } catch (err) {
      if (token === routeToken) {
        showError(err);
        if (!view.querySelector("h1")) put(view, h("h1", {}, "Something went wrong"));
      }
    }
  }

  // -- quote search with facets ----------------------------------------------------------------
  const FILTERS = ["search", "speaker", "outlet", "kind", "certainty", "since", "until"];

  async function searchView(params, token) {
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
          field("f-kind", "Kind", select("f-kind", "kind", "Any kind")),
          field("f-certainty", "Certainty", select("f-certainty", "certainty", "Any certainty")),
          field("f-since", "Published from", h("input", { type: "date", id: "f-since", name: "since" })),
          field("f-until", "Published until", h("input", { type: "date", id: "f-until", name: "until" }))),
        h("div", { class: "form-actions" },
          h("button", { type: "button", class: "secondary", id: "clear",
            onclick: () => { form.reset(); setHash("/", new URLSearchParams()); } }, "Clear filters"))));
    const results = h("section", { id: "results", "aria-labelledby": "results-heading" });
    put(view, h("h1", {}, "Who said what"), form, results);
    form.addEventListener("submit", (event) => { event.preventDefault(); submitSearch(form); });
    for (const control of form.querySelectorAll("select, input[type=date]")) {
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
    setHash("/", params);
  }

  function fillSelect(select, values, chosen, labeller) {
    const first = select.options[0];
    const options = values.map((f) => h("option", { value: f.value }, `${labeller(f.value)} (${f.count})`));
    if (chosen && !values.some((f) => f.value === chosen)) options.push(h("option", { value: chosen }, labeller(chosen)));
    put(select, first, ...options);
    select.value = chosen || "";
  }

  async function runSearch(params, token) {
    const form = document.getElementById("search-form");
    const results = document.getElementById("results");
    if (!form || !results) return;
    for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
    const query = new URLSearchParams();
    for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
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
    if (token !== routeToken) return;
    const facets = page.facets || {};
    fillSelect(form.elements.outlet, (facets.outlet || []).filter((f) => f.value), params.get("outlet"), String);
    const kinds = (facets.kind || []).concat(KINDS.filter((k) => !(facets.kind || []).some((f) => f.value === k))
      .map((k) => ({ value: k, count: 0 })));
    fillSelect(form.elements.kind, kinds, params.get("kind"), label);
    const certainties = CERTAINTY.map((c) => (facets.certainty || []).find((f) => f.value === c) || { value: c, count: 0 });
    fillSelect(form.elements.certainty, certainties, params.get("certainty"), String);
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

  // -- article list ------------------------------------------------------------------------------
  async function articlesView(params, token) {
    document.title = "Articles — sayso";
    const query = new URLSearchParams({ limit: String(PAGE), offset: params.get("offset") || "0" });
    if (params.get("search")) query.set("search", params.get("search"));
    const page = await api("/articles?" + query.toString());
    if (token !== routeToken) return;
    const input = h("input", { type: "search", id: "article-search", name: "search", value: params.get("search") || "" });
    const form = h("form", { role: "search", "aria-label": "Article search",
      onsubmit: (event) => { event.preventDefault(); const p = new URLSearchParams(); if (input.value.trim()) p.set("search", input.value.trim()); setHash("/articles", p); } },
      h("div", { class: "search-row" }, h("div", { class: "field" }, h("label", { for: "article-search" }, "Search articles"), input),
        h("button", { type: "submit" }, "Search")));
    const rows = page.items.map((a) => h("li", { class: "result" },
      h("h2", { class: "title" }, h("a", { href: "#/article/" + a.id }, a.title || a.source_key || "Article " + a.id)),
      h("div", { class: "meta" }, a.outlet ? h("span", {}, a.outlet) : null,
        a.published ? h("time", { datetime: a.published }, date(a.published)) : null,
        h("span", {}, plural(a.quotes, "quote")), h("span", {}, plural(a.actors, "actor")))));
    const move = (offset) => { const next = new URLSearchParams(params); next.set("offset", String(offset)); setHash("/articles", next); };
    put(view, h("h1", {}, "Articles"), form, h("p", { class: "muted" }, plural(page.total, "article")),
      rows.length ? h("ul", { class: "results" }, rows) : h("p", { class: "empty" }, "No article matches."),
      page.total > page.limit ? pager(page, move) : null);
    say(plural(page.total, "article"));
    focusHeading();
  }

  // -- an annotated article (stored, or pasted) ----------------------------------------------------
  function speakerColours(analysis) {
    const colours = new Map();
    for (const q of analysis.quotes) {
      if (q.speaker && !colours.has(q.speaker)) colours.set(q.speaker, speakerClass(colours.size));
    }
    return colours;
  }

  function annotatedText(analysis, colours, onQuote) {
    const text = analysis.text;
    const pieces = [];
    for (const q of analysis.quotes) {
      const parts = q.parts && q.parts.length ? q.parts : [[q.start, q.end]];
      parts.forEach((p, i) => pieces.push({ kind: "part", start: p[0], end: p[1], q, index: i, count: parts.length }));
      if (q.speaker_mention) pieces.push({ kind: "mention", start: q.speaker_mention[0], end: q.speaker_mention[1], q });
      if (q.cue_span) pieces.push({ kind: "cue", start: q.cue_span[0], end: q.cue_span[1], q });
      for (const m of q.hedges || []) pieces.push({ kind: "hedge", start: m.start, end: m.end, q });
    }
    const cuts = new Set([0, text.length]);
    for (const p of pieces) { cuts.add(p.start); cuts.add(p.end); }
    const bounds = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
    const root = h("div", { class: "article-text", id: "article-text" });
    let mark = null;
    let markPart = null;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const start = bounds[i];
      const end = bounds[i + 1];
      const covering = (kind) => pieces.filter((p) => p.kind === kind && p.start <= start && end <= p.end);
      const part = covering("part").reduce((best, p) =>
        !best || p.start > best.start || (p.start === best.start && p.end < best.end) ? p : best, null);
      const mention = covering("mention")[0];
      const classes = [];
      if (mention) classes.push("mention", colours.get(mention.q.speaker) || "c-none");
      if (covering("cue").length) classes.push("cue");
      if (covering("hedge").length) classes.push("hedge");
      const piece = text.slice(start, end);
      const node = classes.length ? h("span", { class: classes.join(" ") }, piece) : document.createTextNode(piece);
      if (!part) { mark = null; markPart = null; root.append(node); continue; }
      if (part !== markPart) {
        markPart = part;
        mark = quoteMark(part, analysis, colours, onQuote);
        root.append(mark);
      }
      mark.append(node);
    }
    return root;
  }

  function speakerName(q, analysis) {
    const actor = analysis.actors.find((a) => a.id === q.speaker);
    if (actor) return actor.name;
    if (q.speaker_mention) return analysis.text.slice(q.speaker_mention[0], q.speaker_mention[1]);
    return "unattributed";
  }

  function quoteMark(part, analysis, colours, onQuote) {
    const q = part.q;
    const of = part.count > 1 ? `, part ${part.index + 1} of ${part.count}` : "";
    const mark = h("mark", {
      class: "q " + (colours.get(q.speaker) || "c-none"), tabindex: "0", role: "button",
      "data-quote": q.id, "aria-pressed": "false", "aria-controls": "quote-panel",
      "aria-label": `Quote ${q.id} by ${speakerName(q, analysis)}${of}: ${analysis.text.slice(part.start, part.end)}`,
    });
    mark.addEventListener("click", () => onQuote(q, true));
    mark.addEventListener("focus", () => onQuote(q, false));
    mark.addEventListener("mouseenter", () => onQuote(q, false));
    mark.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); onQuote(q, true); }
    });
    return mark;
  }

  function quoteDetails(q, analysis, colours, actorLink) {
    const actor = analysis.actors.find((a) => a.id === q.speaker);
    const medium = analysis.actors.find((a) => a.id === q.medium);
    const text = analysis.text;
    const rows = [];
    const row = (term, ...value) => rows.push(h("dt", {}, term), h("dd", {}, ...value));
    row("Speaker", actor ? actorLink(actor) : h("span", { class: "muted" }, "unattributed"),
      actor ? h("span", { class: "muted" }, " · " + typeWord(actor.type)) : null);
    row("Role", actor && actor.roles.length ? actor.roles.join("; ") : h("span", { class: "muted" }, "—"));
    if (q.speaker_mention) {
      row("Named as", text.slice(q.speaker_mention[0], q.speaker_mention[1]),
        q.inherited ? h("span", { class: "muted" }, " (carried over from the previous quote)") : null);
    } else if (q.inherited) row("Named as", h("span", { class: "muted" }, "carried over from the previous quote"));
    row("Cue", q.cue || h("span", { class: "muted" }, "—"));
    if (medium) row("Told", actorLink(medium));
    row("Kind", label(q.kind));
    row("Certainty", q.certainty || "asserted", q.polarity === "negative" ? " · negative (a denial)" : "");
    if (q.stance && q.stance !== "neutral") row("Reporter", q.stance + " (from the cue)");
    const hedges = q.hedges || [];
    row("Hedges", hedges.length
      ? h("ul", { class: "hedge-list" }, hedges.map((m) => h("li", {}, h("em", {}, m.text), " ", h("span", { class: "muted" }, m.kind))))
      : h("span", { class: "muted" }, "none"));
    const colour = colours.get(q.speaker) || "c-none";
    const parts = q.parts && q.parts.length ? q.parts : [[q.start, q.end]];
    const words = parts.map((p) => text.slice(p[0], p[1])).join(" … ");  // the quoted words only
    return [h("h2", { id: "quote-panel-heading" }, "Quote ", h("span", { class: "muted" }, q.id)),
      h("dl", {}, rows), h("blockquote", { class: colour }, words)];
  }

  function annotatedArticle(analysis, { actorIds = null, selected = null, title = null, meta = null } = {}) {
    const colours = speakerColours(analysis);
    const actorLink = (actor) => actorIds && actorIds[actor.id]
      ? h("a", { href: "#/actor/" + actorIds[actor.id] }, actor.name) : h("span", {}, actor.name);
    const panel = h("section", { class: "panel", id: "quote-panel", "aria-live": "polite", "aria-labelledby": "quote-panel-heading" },
      h("h2", { id: "quote-panel-heading" }, "Quote"),
      h("p", { class: "muted" }, analysis.quotes.length
        ? "Hover over, tap or tab to a highlighted quote to see who said it, the cue, certainty and hedges."
        : "No quotes were found in this text."));
    let pinned = null;
    const show = (q, pin) => {
      if (pin) pinned = q;
      put(panel, ...quoteDetails(q, analysis, colours, actorLink));
      for (const m of textEl.querySelectorAll("mark.q")) {
        const on = m.dataset.quote === q.id;
        m.classList.toggle("selected", on);
        m.setAttribute("aria-pressed", on && pinned === q ? "true" : "false");
      }
    };
    const textEl = annotatedText(analysis, colours, show);
    textEl.addEventListener("mouseleave", () => { if (pinned) show(pinned, false); });

    const speakers = [...colours.keys()].map((id) => analysis.actors.find((a) => a.id === id)).filter(Boolean);
    const counts = {};
    for (const q of analysis.quotes) counts[q.speaker || ""] = (counts[q.speaker || ""] || 0) + 1;
    const legend = h("section", { class: "panel", "aria-labelledby": "speakers-heading" },
      h("h2", { id: "speakers-heading" }, "Speakers ", h("span", { class: "count" }, `(${speakers.length})`)),
      h("p", { class: "legend-note" }, "Each speaker's quotes share a colour; names in bold are how the text names them; wavy underlines mark cues, dotted ones hedges."),
      h("ul", { id: "speaker-list" }, speakers.map((a) => h("li", {},
        h("span", { class: "swatch " + colours.get(a.id), "aria-hidden": "true" }), actorLink(a),
        h("span", { class: "count" }, ` · ${plural(counts[a.id] || 0, "quote")}`))),
        counts[""] ? h("li", {}, h("span", { class: "swatch c-none", "aria-hidden": "true" }), "unattributed",
          h("span", { class: "count" }, ` · ${plural(counts[""], "quote")}`)) : null));
    const others = analysis.actors.filter((a) => !colours.has(a.id))
      .sort((x, y) => (y.named - x.named) || (y.mentions.length - x.mentions.length) || x.name.localeCompare(y.name));
    const actors = h("section", { class: "panel", "aria-labelledby": "actors-heading" },
      h("h2", { id: "actors-heading" }, "Other actors ", h("span", { class: "count" }, `(${others.length})`)),
      others.length ? h("ul", { id: "actor-list" }, others.map((a) => h("li", {}, actorLink(a),
        h("span", { class: "count" }, ` · ${typeWord(a.type)}${a.roles.length ? " · " + a.roles[0] : ""}`))))
        : h("p", { class: "empty" }, "None."));
    const name = (id) => { const a = analysis.actors.find((x) => x.id === id); return a ? actorLink(a) : h("span", {}, id || "?"); };
    const relations = h("section", { class: "panel", "aria-labelledby": "relations-heading" },
      h("h2", { id: "relations-heading" }, "Relations ", h("span", { class: "count" }, `(${(analysis.relations || []).length})`)),
      (analysis.relations || []).length ? h("ul", { id: "relation-list" }, analysis.relations.map((r) => h("li", {},
        name(r.subject), " ", h("strong", {}, label(r.predicate)), " ", name(r.object),
        h("span", { class: "count" }, r.claimant ? " — according to " : " — in the article's voice"),
        r.claimant ? name(r.claimant) : null,
        r.certainty && r.certainty !== "asserted" ? h("span", { class: "badge " + r.certainty }, r.certainty) : null)))
        : h("p", { class: "empty" }, "None found."));

    const body = h("article", { "aria-labelledby": "article-title" },
      title ? h("h1", { id: "article-title", tabindex: "-1" }, title) : null, meta, textEl);
    const reader = h("div", { class: "reader" }, body, h("aside", { class: "side", "aria-label": "Quote details, speakers and actors" },
      panel, legend, actors, relations));
    if (selected) {
      const q = analysis.quotes.find((x) => x.id === selected);
      if (q) setTimeout(() => {
        show(q, true);
        const first = textEl.querySelector(`mark[data-quote="${CSS.escape(q.id)}"]`);
        if (first) { first.scrollIntoView({ block: "center" }); first.focus({ preventScroll: true }); }
      }, 0);
    }
    return reader;
  }

  async function articleView(id, params, token) {
    const data = await api("/articles/" + encodeURIComponent(id));
    if (token !== routeToken) return;
    const a = data.article;
    const title = a.title || a.source_key || "Article " + a.id;
    document.title = title + " — sayso";
    const original = saysoLinks.webUrl(a.url);  // only http(s): a javascript: URL would run
    const meta = h("p", { class: "meta" }, a.outlet ? h("span", {}, a.outlet) : null,
      a.published ? h("time", { datetime: a.published }, date(a.published)) : null,
      a.author ? h("span", {}, "by " + a.author) : null,
      original ? h("a", { href: original, rel: "noopener noreferrer" }, "original") : null,
      h("span", {}, plural(data.analysis.quotes.length, "quote")));
    put(view, annotatedArticle(data.analysis, { actorIds: data.actor_ids, selected: params.get("quote"), title, meta }));
    say(`${title}: ${plural(data.analysis.quotes.length, "quote")}`);
    if (!params.get("quote")) focusHeading();
  }

  // -- actors -----------------------------------------------------------------------------------
  async function actorsView(params, token) {
    document.title = "Actors — sayso";
    const query = new URLSearchParams({ limit: "50", offset: params.get("offset") || "0" });
    for (const key of ["name", "type"]) if (params.get(key)) query.set(key, params.get(key));
    const page = await api("/actors?" + query.toString());
    if (token !== routeToken) return;
    const nameInput = h("input", { type: "search", id: "actor-name", name: "name", value: params.get("name") || "" });
    const typeSelect = h("select", { id: "actor-type", name: "type" }, h("option", { value: "" }, "Any type"),
      ["PERSON", "ORG", "MEDIA", "GPE", "LOC", "NORP", "GROUP"].map((t) => h("option", { value: t }, typeWord(t))));
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

  // -- claims across sources -----------------------------------------------------------------
  async function claimsView(params, token) {
    document.title = "Claims — sayso";
    const query = new URLSearchParams({ limit: "20", offset: params.get("offset") || "0" });
    for (const key of ["search", "verdict"]) if (params.get(key)) query.set(key, params.get(key));
    const page = await api("/claims?" + query.toString());
    if (token !== routeToken) return;
    const searchInput = h("input", { type: "search", id: "claim-search", name: "search", value: params.get("search") || "" });
    const verdictSelect = h("select", { id: "claim-verdict", name: "verdict" }, h("option", { value: "" }, "Any"),
      h("option", { value: "contradict" }, "contradicted"), h("option", { value: "agree" }, "agreed"));
    verdictSelect.value = params.get("verdict") || "";
    const submit = (event) => {
      if (event) event.preventDefault();
      const p = new URLSearchParams();
      if (searchInput.value.trim()) p.set("search", searchInput.value.trim());
      if (verdictSelect.value) p.set("verdict", verdictSelect.value);
      setHash("/claims", p);
    };
    verdictSelect.addEventListener("change", submit);
    const form = h("form", { role: "search", "aria-label": "Find claims", onsubmit: submit },
      h("div", { class: "search-row" },
        h("div", { class: "field" }, h("label", { for: "claim-search" }, "Words"), searchInput),
        h("div", { class: "field" }, h("label", { for: "claim-verdict" }, "Reports"), verdictSelect),
        h("button", { type: "submit" }, "Find")));
    const claimItem = (c) => h("li", { class: "result claim" },
      h("h2", {}, h("span", { class: "badge verdict-" + (claimLabel(c) === "all deny" ? "deny" : c.verdict) }, claimLabel(c)),
        " " + plural(c.sources.length, "source") + ": " + c.sources.join(", ")),
      h("ul", { class: "results" }, c.reports.map((r) => h("li", { class: "report" },
        h("blockquote", { class: "kind-" + r.kind }, r.words || r.text),
        h("div", { class: "meta" },
          r.speaker_id ? h("a", { href: "#/actor/" + r.speaker_id }, r.speaker) : h("span", {}, r.speaker || "unattributed"),
          h("span", { class: "badge position-" + r.position }, r.position),
          r.cue ? h("span", {}, "cue: " + r.cue) : null,
          h("span", {}, r.source),
          r.published ? h("time", { datetime: r.published }, date(r.published)) : null,
          h("a", { href: `#/article/${r.article_id}?quote=${encodeURIComponent(r.local_id)}`, "aria-label": `Read in context: ${r.title || "article " + r.article_id}` },
            "Read in context"))))));
    const move = (offset) => { const next = new URLSearchParams(params); next.set("offset", String(offset)); setHash("/claims", next); };
    put(view, h("h1", {}, "Claims across sources"), form,
      h("p", { class: "muted" }, plural(page.total, "claim") + " told by two or more outlets; a claim is contradicted when some reports affirm it and others deny it"),
      page.items.length ? h("ul", { class: "results" }, page.items.map(claimItem)) : h("p", { class: "empty" }, "No claim is told by more than one outlet."),
      page.total > page.limit ? pager(page, move) : null);
    say(plural(page.total, "claim"));
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

  async function actorView(id, token) {
    const [data, graph] = await Promise.all([
      api(`/actors/${encodeURIComponent(id)}?limit=100`),
      api(`/graph?actor_id=${encodeURIComponent(id)}&co_quoted=true&unnamed=true&max_nodes=60`)]);
    if (token !== routeToken) return;
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

  const TYPE_COLOURS = { PERSON: "#0b5cad", ORG: "#b35c00", MEDIA: "#a3276b", GPE: "#2f7d1f", LOC: "#2f7d1f",
    NORP: "#5b3cc4", GROUP: "#5b3cc4" };

  function drawGraph(container, graph) {
    container.dataset.nodes = String(graph.nodes.length);
    container.dataset.edges = String(graph.edges.length);
    if (typeof window.cytoscape !== "function") {
      put(container, h("p", { class: "empty" }, "The graph library did not load; the ties are listed below."));
      return;
    }
    const elements = [];
    for (const n of graph.nodes) {
      elements.push({ data: { id: String(n.id), label: n.label.length > 40 ? n.label.slice(0, 38) + "…" : n.label,
        colour: TYPE_COLOURS[n.type] || "#3d4b5c", size: 18 + Math.min(30, 4 * n.quotes), focus: n.focus ? 1 : 0 } });
    }
    for (const e of graph.edges) {
      const kinds = Object.keys(e.kinds);
      elements.push({ data: { id: "e" + e.id, source: String(e.source), target: String(e.target),
        width: 1 + Math.min(6, e.weight), label: kinds.map(label).join(", "), directed: e.directed ? 1 : 0 } });
    }
    const cy = window.cytoscape({
      container, elements, minZoom: 0.3, maxZoom: 3,
      style: [
        { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
          label: "data(label)", "font-size": 11, color: "#1b1b1b", "text-valign": "bottom", "text-margin-y": 4,
          "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 2,
          "text-wrap": "ellipsis", "text-max-width": 140 } },
        { selector: "node[focus = 1]", style: { "border-width": 4, "border-color": "#1b1b1b", "font-weight": "bold", "font-size": 13 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "#8a96a3", "target-arrow-color": "#8a96a3",
          "curve-style": "bezier", "target-arrow-shape": "triangle", opacity: 0.85 } },
        { selector: "edge[directed = 0]", style: { "line-style": "dashed", "target-arrow-shape": "none" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#1a56db" } },
      ],
      layout: { name: "preset" },
    });
    // Rings around the actor first, then a force layout from there that counts labels in each
    // node's size, so labels do not overlap and the graph spreads over the whole box.
    if (graph.nodes.length > 1) {
      cy.layout({ name: "concentric", concentric: (node) => node.data("focus") ? 2 : 1, levelWidth: () => 1,
        minNodeSpacing: 28, animate: false, padding: 24, nodeDimensionsIncludeLabels: true }).run();
      cy.layout({ name: "cose", randomize: false, animate: false, fit: true, padding: 24,
        nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 400000, idealEdgeLength: () => 90,
        nodeOverlap: 20, componentSpacing: 60, numIter: 1500, boundingBox: { x1: 0, y1: 0,
          w: container.clientWidth || 600, h: container.clientHeight || 400 } }).run();
    } else cy.layout({ name: "grid", padding: 24 }).run();
    cy.fit(undefined, 24);
    cy.on("tap", "node", (event) => { location.hash = "#/actor/" + event.target.id(); });
    window.saysoGraph = cy;
    container.dataset.ready = "true";
  }

  // -- paste box ----------------------------------------------------------------------------------
  const EXAMPLE = "“We will not back down,” Sheikh Ghaith Al-Tamimi, a senior cleric, told The Jerusalem Post. " +
    "“The money went to orphans.” According to Levant Today, the IRGC funds his charity.\n\n" +
    "Analysts said the group might have received weapons as well. A ministry spokesman denied that the government had been warned.";

  function pasteView() {
    document.title = "Paste an article — sayso";
    const textarea = h("textarea", { id: "paste-text", name: "text", rows: "12", spellcheck: "false",
      "aria-describedby": "paste-help", "aria-required": "true" });
    const html = h("input", { type: "checkbox", id: "paste-html", name: "html" });
    const button = h("button", { type: "submit", id: "paste-submit" }, "Annotate");
    const result = h("section", { id: "paste-result", "aria-label": "Annotated article" });
    const form = h("form", { id: "paste-form" },
      h("div", { class: "field" }, h("label", { for: "paste-text" }, "Article text"), textarea),
      h("p", { id: "paste-help", class: "muted" }, "Paste the text of one news article (or its HTML page). It is analysed on the server and not stored."),
      h("div", { class: "form-actions" }, button,
        h("label", { class: "check", for: "paste-html" }, html, "The text is an HTML page"),
        h("button", { type: "button", class: "secondary", onclick: () => { textarea.value = EXAMPLE; html.checked = false; textarea.focus(); } },
          "Use an example")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      showError(null);
      if (!textarea.value.trim()) { showError(new Error("Paste an article first.")); textarea.focus(); return; }
      button.disabled = true;
      button.textContent = "Annotating…";
      say("Annotating the article…");
      try {
        const body = html.checked ? { html: textarea.value } : { text: textarea.value };
        const analysis = await api("/extract", { method: "POST", body: JSON.stringify(body) });
        put(result, h("h2", {}, `${plural(analysis.quotes.length, "quote")}, ${plural(analysis.actors.length, "actor")}`),
          annotatedArticle(analysis));
        say(`Annotated: ${plural(analysis.quotes.length, "quote")} found`);
        result.querySelector("h2").setAttribute("tabindex", "-1");
        result.querySelector("h2").focus();
      } catch (err) {
        showError(err);
        say("The article could not be annotated.");
      } finally {
        button.disabled = false;
        button.textContent = "Annotate";
      }
    });
    put(view, h("h1", {}, "Paste an article"), form, result);
    markNav("paste");
    focusHeading();
  }

  // The skip link moves focus without touching the hash, which holds the route.
  document.querySelector(".skip-link").addEventListener("click", (event) => {
    event.preventDefault();
    document.getElementById("main").focus();
  });
  window.addEventListener("hashchange", route);
  route();
})();
