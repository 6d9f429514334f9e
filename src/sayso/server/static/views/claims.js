/* #/claims: claims told by two or more outlets, agreed or contradicted. */
import { api, current, focusHeading, h, pager, put, say, setHash, view } from "../core.js";
import { claimLabel, date, plural } from "../words.js";

export async function claimsView(params, token) {
  document.title = "Claims — sayso";
  const query = new URLSearchParams({ limit: "20", offset: params.get("offset") || "0" });
  for (const key of ["search", "verdict"]) if (params.get(key)) query.set(key, params.get(key));
  const page = await api("/claims?" + query.toString());
  if (!current(token)) return;
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
    h("h2", {}, h("span", { class: "badge verdict-" + ({ "all deny": "deny", mixed: "mixed" }[claimLabel(c)] || c.verdict) }, claimLabel(c)),
      " " + plural(c.sources.length, "source") + ": " + c.sources.join(", ")),
    c.links.length ? h("ul", { class: "claim-why muted", "aria-label": "Why these reports are one claim" },
      c.links.slice(0, 6).map((k) => h("li", {},
        `[${k.a}] and [${k.b}]: subject ${k.subject}` + (k.subject_id ? ` (actor #${k.subject_id})` : "") +
        ` · predicates ${k.predicates[0]} / ${k.predicates[1]} · similarity ${k.similarity.toFixed(2)}` +
        (k.shared.length ? " · both give " + k.shared.join(", ") : "")))) : null,
    c.contradictions.length ? h("p", { class: "claim-contradiction" },
      c.contradictions.map(([yes, no]) => `[${yes}] affirms, [${no}] denies`).join("; ")) : null,
    h("ul", { class: "results" }, c.reports.map((r) => h("li", { class: "report" },
      h("blockquote", { class: "kind-" + r.kind }, r.words || r.text),
      r.proposition && r.proposition !== r.words ? h("p", { class: "proposition" }, "Proposition: " + r.proposition) : null,
      r.evidence.length ? h("p", { class: "evidence" }, r.position + " because: " +
        r.evidence.map((e) => `${e.kind} “${e.text}” at ${e.start}`).join("; ")) : null,
      h("div", { class: "meta" },
        r.speaker_id ? h("a", { href: "#/actor/" + r.speaker_id }, r.speaker) : h("span", {}, r.speaker || "unattributed"),
        h("span", { class: "badge position-" + r.position }, `[${r.quote_id}] ` + r.position),
        r.cue ? h("span", {}, "cue: " + r.cue) : null,
        h("span", {}, r.source),
        r.published ? h("time", { datetime: r.published }, date(r.published)) : null,
        h("a", { href: `#/article/${r.article_id}?quote=${encodeURIComponent(r.local_id)}`, "aria-label": `Read in context: ${r.title || "article " + r.article_id}` },
          "Read in context"))))));
  const move = (offset) => { const next = new URLSearchParams(params); next.set("offset", String(offset)); setHash("/claims", next); };
  put(view, h("h1", {}, "Claims across sources"), form,
    h("p", { class: "muted" }, plural(page.total, "claim") + " told by two or more outlets; a claim is contradicted when two sources assert opposite polarities of one proposition"),
    page.items.length ? h("ul", { class: "results" }, page.items.map(claimItem)) : h("p", { class: "empty" }, "No claim is told by more than one outlet."),
    page.total > page.limit ? pager(page, move) : null);
  say(plural(page.total, "claim"));
  focusHeading();
}
