/* Words and small pieces shared by the views: dates, plurals, vocabulary labels, badges, quote items. */
import { h } from "./core.js";
import { term } from "./vocabularies.js";

const PALETTE_SIZE = 10;

export function date(value) { return value ? String(value).slice(0, 10) : ""; }
/** A quote's own words: a split quote's parts joined with " … ", without "he said" between them. */
export function quoteWords(q) {
  if (!q.parts || q.parts.length < 2) return q.text;
  return q.parts.map((p) => q.text.slice(p[0] - q.start, p[1] - q.start)).join(" … ");
}
/** A language code as its English name ("fr" → "French"); the code itself when the browser has no name
    for it, "unknown language" for none (too short or mixed to tell). */
export function languageName(code) {
  if (!code) return "unknown language";
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) || code;
  } catch {
    return code;
  }
}
/** An actor type as words ("nationality or group"), never its code ("norp"). */
export function typeWord(type) { return term("actor_type", String(type || "")).toLowerCase(); }
/** The colour class of the i-th speaker: ten hand-picked ones, then hues spread by the golden
    angle (a rule is added once per class), so colours do not repeat. */
export function speakerClass(i) {
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
/** A claim's verdict as a reader should see it: "all deny" when every report denies it, "mixed"
 * when some affirm and some deny without a pair close enough to call a contradiction. */
export function claimLabel(c) {
  if (c.verdict === "contradict") return "contradicted";
  const positions = Object.keys(c.positions || {});
  if (positions.length === 1 && positions[0] === "denies") return "all deny";
  return positions.includes("affirms") && positions.includes("denies") ? "mixed" : "agreed";
}
export function label(value) { return String(value || "").replace(/_/g, " "); }
export function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

export function badges(q) {
  const out = [h("span", { class: "badge", title: "How the quote is reported" }, term("quote_kind", q.kind))];
  if (q.type && q.type !== "speech") out.push(h("span", { class: "badge statement-type type-" + q.type, title: "What act the cue reports" }, term("statement_type", q.type)));
  if (q.certainty && q.certainty !== "asserted") out.push(h("span", { class: "badge " + q.certainty }, term("certainty", q.certainty)));
  if (q.polarity === "negative") out.push(h("span", { class: "badge negative" }, term("polarity", q.polarity)));
  if (q.stance && q.stance !== "neutral") out.push(h("span", { class: "badge " + q.stance }, term("stance", q.stance)));
  return out;
}

export function quoteItem(q, { showSpeaker = true } = {}) {
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
