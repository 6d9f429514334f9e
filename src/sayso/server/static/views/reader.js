/* An annotated article (stored, or pasted): highlighted quotes, the quote panel, speakers, actors, relations. */
import { h, put } from "../core.js";
import { term } from "../vocabularies.js";
import { label, plural, speakerClass, typeWord } from "../words.js";

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
  row("Kind", term("quote_kind", q.kind));
  row("Type", q.type ? term("statement_type", q.type) : h("span", { class: "muted" }, "—"));
  row("Certainty", term("certainty", q.certainty || "asserted"), q.polarity === "negative" ? " · negative (a denial)" : "");
  if (q.stance && q.stance !== "neutral") row("Reporter", term("stance", q.stance) + " (from the cue)");
  const hedges = q.hedges || [];
  row("Hedges", hedges.length
    ? h("ul", { class: "hedge-list" }, hedges.map((m) => h("li", {}, h("em", {}, m.text), " ", h("span", { class: "muted" }, term("marker_kind", m.kind)))))
    : h("span", { class: "muted" }, "none"));
  const colour = colours.get(q.speaker) || "c-none";
  const parts = q.parts && q.parts.length ? q.parts : [[q.start, q.end]];
  const words = parts.map((p) => text.slice(p[0], p[1])).join(" … ");  // the quoted words only
  return [h("h2", { id: "quote-panel-heading" }, "Quote ", h("span", { class: "muted" }, q.id)),
    h("dl", {}, rows), h("blockquote", { class: colour }, words)];
}

export function annotatedArticle(analysis, { actorIds = null, selected = null, title = null, meta = null } = {}) {
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
      r.certainty && r.certainty !== "asserted" ? h("span", { class: "badge " + r.certainty }, term("certainty", r.certainty)) : null)))
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
