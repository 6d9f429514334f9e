/* Which URLs from the API may become links on the page: only http(s) ones. An article's URL
   comes from whoever stored it; a javascript: or data: URL as an href would run when clicked. */

/** The URL if it is an absolute http(s) URL, else null. */
export function webUrl(url) {
  if (typeof url !== "string") return null;
  let parsed;
  try { parsed = new URL(url.trim()); } catch (err) { return null; }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}
