/* sayso web page: a small hash-routed app over the REST API (no build step, no framework), in ES
   modules by view: views/quotes.js (#/, quote search with facets), views/articles.js (#/articles,
   #/article/ID), views/actors.js (#/actors, #/actor/ID), views/claims.js (#/claims), views/paste.js
   (#/paste). Every piece of text from the API is inserted as text (textContent), never as HTML. */
import { current, h, hashParams, markNav, nextRoute, put, showError, view } from "./core.js";
import { loadVocabularies } from "./vocabularies.js";
import { actorView, actorsView } from "./views/actors.js";
import { articleView, articlesView } from "./views/articles.js";
import { claimsView } from "./views/claims.js";
import { pasteView } from "./views/paste.js";
import { runSearch, searchView } from "./views/quotes.js";

let currentView = null;

async function route() {
  const { parts, params } = hashParams();
  const token = nextRoute();
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
    if (current(token)) {
      showError(err);
      if (!view.querySelector("h1")) put(view, h("h1", {}, "Something went wrong"));
    }
  }
}

// The skip link moves focus without touching the hash, which holds the route.
document.querySelector(".skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  document.getElementById("main").focus();
});
window.addEventListener("hashchange", route);
// The filters and labels need the vocabularies; without them the views still work, unlabelled.
loadVocabularies().then(route, async (err) => { await route(); showError(err); });
