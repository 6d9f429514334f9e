/* #/paste: annotate a pasted article without storing it. */
import { api, focusHeading, h, markNav, put, say, showError, view } from "../core.js";
import { plural } from "../words.js";
import { annotatedArticle } from "./reader.js";

const EXAMPLE = "“We will not back down,” Sheikh Ghaith Al-Tamimi, a senior cleric, told The Jerusalem Post. " +
  "“The money went to orphans.” According to Levant Today, the IRGC funds his charity.\n\n" +
  "Analysts said the group might have received weapons as well. A ministry spokesman denied that the government had been warned.";

export function pasteView() {
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
