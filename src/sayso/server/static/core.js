/* The page's plumbing: building elements, talking to the API, the hash route, focus and paging.
   Every piece of text from the API is inserted as text (textContent), never as HTML. */

export const view = document.getElementById("view");
const statusEl = document.getElementById("status");
const alertEl = document.getElementById("alert");
let routeToken = 0;

/** A new route starts: views given an older token stop drawing (a newer route owns the page). */
export function nextRoute() { return ++routeToken; }
/** Whether ``token``'s route is still the one shown. */
export function current(token) { return token === routeToken; }

export function h(tag, attrs, ...children) {
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
export function put(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

export function say(message) { statusEl.textContent = message; }

export function showError(error) {
  alertEl.hidden = !error;
  alertEl.textContent = error ? (error.message || String(error)) : "";
}

export async function api(path, options) {
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

export function hashParams() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query] = raw.split("?");
  return { parts: path.split("/").filter(Boolean), params: new URLSearchParams(query || "") };
}

export function setHash(path, params) {
  const query = params && params.toString();
  const target = "#" + path + (query ? "?" + query : "");
  if (location.hash !== target) location.hash = target;
}

export function focusHeading() {
  const heading = view.querySelector("h1");
  if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: true }); }
}

export function markNav(name) {
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

export function pager(page, onMove) {
  const start = page.total ? page.offset + 1 : 0;
  const end = page.offset + page.items.length;
  return h("nav", { class: "pager", "aria-label": "Pages" },
    h("button", { type: "button", class: "secondary", disabled: page.offset === 0,
      onclick: () => onMove(Math.max(0, page.offset - page.limit)) }, "← Previous"),
    h("span", { class: "muted" }, `${start}–${end} of ${page.total}`),
    h("button", { type: "button", class: "secondary", disabled: !page.next,
      onclick: () => onMove(page.offset + page.limit) }, "Next →"));
}
