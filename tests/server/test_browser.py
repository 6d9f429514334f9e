"""The web page as a person uses it: Debian's Chromium driven by Playwright against a live
``sayso serve`` (uvicorn on 127.0.0.1) over the sample store. Screenshots land in
``artifacts/browser/`` (or ``$SAYSO_ARTIFACTS``). Playwright never downloads a browser here:
it starts /usr/bin/chromium (``$SAYSO_CHROMIUM``); without it these tests are skipped.
"""
from __future__ import annotations

import contextlib
import os
import re
import socket
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("SAYSO_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("SAYSO_ARTIFACTS", ROOT / "artifacts")) / "browser"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it)")

PASTED = ("Mayor Lena Ortiz said on Monday that the bridge would reopen in May. "
          "“We cannot rule out further delays,” said Paul Greer, a spokesman for the transport department. "
          "“The steel has not arrived.”\n\n"
          "According to the city’s engineers, the repairs might cost twice as much as planned.")


@contextlib.contextmanager
def serving(db: Path):
    """uvicorn serving ``db`` on a free port of 127.0.0.1, in a thread; yields its base URL."""
    import uvicorn

    from sayso.server import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "sayso serve did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)
    sock.close()


@pytest.fixture(scope="module")
def live_server(sample_db):
    """The sample store, served."""
    with serving(sample_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sayso-chromium-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900})
        context.set_default_timeout(20_000)
        yield context
        context.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh tab; any JavaScript error or console error fails the test."""
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    tab.on("console", lambda message: errors.append(f"console: {message.text}") if message.type == "error" else None)
    tab.base = live_server  # type: ignore[attr-defined]
    yield tab
    tab.close()
    assert not errors, errors


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def api(page, path: str) -> dict:
    return httpx.get(page.base + path, timeout=30).json()


def parts(quote: dict) -> list[list[int]]:
    return quote["parts"] or [[quote["start"], quote["end"]]]


def check_highlights(page, analysis: dict, root: str) -> None:
    """Every quote part is one highlight with exactly its words, coloured by speaker."""
    text = analysis["text"]
    marks = page.eval_on_selector_all(f"{root} mark.q", "els => els.map(e => [e.dataset.quote, e.textContent, e.className])")
    expected = sorted((q["id"], text[s:e]) for q in analysis["quotes"] for s, e in parts(q))
    assert sorted((quote, words) for quote, words, _ in marks) == expected
    colour_of = {}
    speaker_of = {q["id"]: q["speaker"] for q in analysis["quotes"]}
    for quote, _, classes in marks:
        colour = next(c for c in classes.split() if re.fullmatch(r"c\d+|c-none", c))
        speaker = speaker_of[quote]
        assert colour == ("c-none" if speaker is None else colour_of.setdefault(speaker, colour)), quote
    named = [c for s, c in colour_of.items() if s is not None]
    assert len(set(named)) == len(named)  # one colour per speaker, never repeated (past ten: more hues)


def results_for(page, fragment: str) -> None:
    """Wait until the shown quote results answer a query containing ``fragment``."""
    page.locator(f'#results[data-query*="{fragment}"]').wait_for()


def panel_text(page) -> str:
    return " ".join(page.locator("#quote-panel").inner_text().split())


def test_search_with_facets(page):
    page.goto(page.base + "/#/")
    heading = page.get_by_role("heading", name=re.compile(r"^\d+ quotes"))
    total = int(heading.inner_text().split()[0])
    assert total > 20
    page.get_by_label("Search quotes").fill("money")
    page.get_by_label("Search quotes").press("Enter")
    results_for(page, "search=money")
    quotes = page.locator(".result blockquote").all_inner_texts()
    assert quotes and all("money" in q.lower() for q in quotes)
    kind = page.get_by_label("Kind")
    assert re.search(r"direct \(\d+\)", kind.inner_text())  # facet counts in the options
    kind.select_option("direct")
    results_for(page, "kind=direct")
    assert all("direct" in r for r in page.locator(".result .meta").all_inner_texts())
    assert page.get_by_label("Search quotes").input_value() == "money"  # the form keeps its state
    page.get_by_label("Outlet").select_option(index=1)
    results_for(page, "outlet=")
    shot(page, "search-facets")
    page.get_by_role("button", name="Clear filters").click()
    page.wait_for_function(f"() => document.querySelector('#results-heading').textContent.startsWith('{total} ')")
    page.get_by_label("Speaker").fill("Brannigan")
    page.get_by_role("button", name="Search", exact=True).click()
    results_for(page, "speaker=Brannigan")
    speakers = set(page.locator(".result .meta > a:first-child").all_inner_texts())
    assert speakers == {"Helen Brannigan"}
    page.get_by_label("Published from").fill("2024-06-01")
    page.get_by_label("Published from").dispatch_event("change")
    results_for(page, "since=2024-06-01")
    assert page.get_by_text("No quote matches").is_visible()
    shot(page, "search-empty")


def test_statement_types_filter_badge_and_reader(page):
    """The Type filter lists the statement types with counts; a quote that is not speech shows
    its type as a badge, and the reader's quote panel names the type."""
    page.goto(page.base + "/#/")
    page.get_by_role("heading", name=re.compile(r"^\d+ quotes")).wait_for()
    served = api(page, "/vocabularies")["statement_type"]
    select = page.get_by_label("Type", exact=True)
    assert [o.get_attribute("value") for o in select.locator("option").all()][1:] == served["values"]
    writing = api(page, "/quotes?type=writing&limit=500")
    assert writing["total"] and re.search(rf"{served['labels']['writing']} \({writing['total']}\)", select.inner_text())
    select.select_option("writing")
    results_for(page, "type=writing")
    assert page.get_by_role("heading", name=re.compile(rf"^{writing['total']} quote")).is_visible()
    badges = page.locator(".result .badge.statement-type").all_inner_texts()
    assert len(badges) == min(writing["total"], 25) and set(badges) == {served["labels"]["writing"]}
    shot(page, "search-type")
    select.select_option("speech")
    results_for(page, "type=speech")
    assert page.locator(".result").count() > 0 and page.locator(".result .badge.statement-type").count() == 0
    page.get_by_label("Include unattributed quotes").check()
    results_for(page, "attributed=false")
    everything = api(page, "/quotes?type=speech&attributed=false")["total"]
    assert page.get_by_role("heading", name=re.compile(rf"^{everything} quote")).is_visible()

    quote = writing["items"][0]
    page.goto(page.base + f"/#/article/{quote['article_id']}?quote={quote['local_id']}")
    page.locator(f'mark[data-quote="{quote["local_id"]}"][aria-pressed="true"]').first.wait_for()
    assert f"Type {served['labels']['writing']}" in panel_text(page)


def test_open_an_article_check_highlights_and_the_speaker_panel(page):
    page.goto(page.base + "/#/?search=likely")
    page.get_by_role("link", name=re.compile("Read in context")).first.click()
    page.wait_for_url(re.compile(r"#/article/\d+\?quote=q\d+"))
    article_id, selected = re.search(r"#/article/(\d+)\?quote=(q\d+)", page.url).groups()
    data = api(page, f"/articles/{article_id}")
    analysis = data["analysis"]
    page.locator("#article-text mark.q").first.wait_for()
    check_highlights(page, analysis, "#article-text")
    assert page.locator(f'mark[data-quote="{selected}"][aria-pressed="true"]').count() >= 1  # deep link
    shot(page, "article")

    actors = {a["id"]: a for a in analysis["actors"]}
    quote = max((q for q in analysis["quotes"] if q["speaker"] and actors[q["speaker"]]["roles"] and q["cue"]),
                key=lambda q: len(q.get("hedges", [])))
    page.locator(f'mark[data-quote="{quote["id"]}"]').first.click()
    panel = panel_text(page)
    speaker = actors[quote["speaker"]]
    assert f"Speaker {speaker['name']}" in panel and speaker["roles"][0] in panel
    assert f"Cue {quote['cue']}" in panel and f"Certainty {quote['certainty']}" in panel
    assert all(h["text"] in panel for h in quote["hedges"]) and quote["hedges"]
    link = page.locator("#quote-panel a", has_text=speaker["name"])
    assert link.get_attribute("href") == f"#/actor/{data['actor_ids'][quote['speaker']]}"
    shot(page, "article-panel")

    first = page.locator("#article-text mark.q").first  # keyboard: tab to a quote, Enter pins it
    page.locator("h1").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('mark.q')"):
            break
    focused = page.evaluate("() => document.activeElement.dataset.quote")
    assert focused == first.get_attribute("data-quote")
    assert page.locator("#quote-panel h2").inner_text().endswith(focused)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-pressed')") == "true"
    side = page.locator("aside")
    assert side.locator("#speaker-list li").count() >= 3 and side.locator("#relation-list li").count() >= 1


def test_paste_an_article(page):
    page.goto(page.base + "/#/paste")
    page.get_by_role("button", name="Annotate").click()
    assert "Paste an article first" in page.get_by_role("alert").inner_text()
    page.get_by_label("Article text").fill(PASTED)
    page.get_by_role("button", name="Annotate").click()
    page.locator("#paste-result mark.q").first.wait_for()
    analysis = httpx.post(page.base + "/extract", json={"text": PASTED}, timeout=60).json()
    check_highlights(page, analysis, "#paste-result")
    greer = next(q for q in analysis["quotes"] if "rule out" in q["text"])
    page.locator(f'#paste-result mark[data-quote="{greer["id"]}"]').first.hover()
    panel = panel_text(page)
    assert "Speaker Paul Greer" in panel and "spokesman" in panel and "Hedges" in panel
    assert page.get_by_role("heading", name=re.compile(r"\d+ quotes?, \d+ actors?")).is_visible()
    shot(page, "paste")


def test_actor_page_and_its_graph(page):
    page.goto(page.base + "/#/actors")
    page.get_by_role("link", name="Tomas Whitaker").click()
    page.wait_for_url(re.compile(r"#/actor/\d+$"))
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", level=1)).to_have_text("Tomas Whitaker")
    graph = page.locator('#graph[data-ready="true"]')
    graph.wait_for()
    nodes = page.evaluate("() => window.saysoGraph.nodes().length")
    assert nodes == int(graph.get_attribute("data-nodes")) > 3
    assert page.evaluate("() => window.saysoGraph.nodes('[focus = 1]').map(n => n.data('label'))") == ["Tomas Whitaker"]
    assert page.evaluate("() => window.saysoGraph.edges().length") == int(graph.get_attribute("data-edges")) > 0
    assert "Council member" in page.locator("section", has=page.get_by_role("heading", name="Roles")).inner_text()
    said = page.locator("section", has=page.get_by_role("heading", name=re.compile("What they said")))
    assert said.locator(".article-group").count() == 1 and said.locator(".result").count() == 5
    assert page.get_by_role("link", name="Helen Brannigan").count() >= 1  # co-quoted
    shot(page, "actor")
    # a click on a node opens that actor's page
    target = page.evaluate("""() => { const n = window.saysoGraph.nodes('[label = "Helen Brannigan"]')[0];
                                     const p = n.renderedPosition(); return [p.x, p.y]; }""")
    box = graph.bounding_box()
    page.mouse.click(box["x"] + target[0], box["y"] + target[1])
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').textContent === 'Helen Brannigan'")
    page.locator('#graph[data-ready="true"]').wait_for()


def test_phone_sized_screen(page):
    page.set_viewport_size(PHONE)
    first = api(page, "/articles")["items"][0]["id"]
    actor = api(page, "/actors?limit=1")["items"][0]["id"]
    for name, path, ready in [("phone-search", "/#/", ".result"), ("phone-article", f"/#/article/{first}", "mark.q"),
                              ("phone-actor", f"/#/actor/{actor}", '#graph[data-ready="true"]'),
                              ("phone-paste", "/#/paste", "textarea")]:
        page.goto(page.base + path)
        page.locator(ready).first.wait_for()
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name}: {overflow}px wider than the screen"
        shot(page, name)
    page.goto(page.base + f"/#/article/{first}")
    mark = page.locator("mark.q").nth(3)
    mark.scroll_into_view_if_needed()
    mark.click()
    box = page.locator("#quote-panel").bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] + 1 and box["y"] >= 0  # the panel is on screen
    page.screenshot(path=str(ARTIFACTS / "phone-article-panel.png"))


CONTRAST = """(selectors) => {
  const parse = (c) => { const p = c.match(/[\\d.]+/g).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (; el; el = el.parentElement) { const c = parse(getComputedStyle(el).backgroundColor);
                                 if (c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const out = [];
  for (const sel of selectors) for (const el of document.querySelectorAll(sel)) {
    if (!el.getClientRects().length || !el.textContent.trim()) continue;
    const a = lum(parse(getComputedStyle(el).color)), b = lum(background(el));
    out.push([sel, el.textContent.trim().slice(0, 30), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]);
  }
  return out;
}"""


def test_accessibility_basics(page):
    first = api(page, "/articles")["items"][0]["id"]
    actor = api(page, "/actors?limit=1")["items"][0]["id"]
    for path, ready in [("/#/", ".result"), ("/#/?search=money", ".result"), (f"/#/article/{first}", "mark.q"),
                        (f"/#/actor/{actor}", "#graph"), ("/#/paste", "textarea"), ("/#/actors", "table"),
                        ("/#/articles", ".result")]:
        page.goto(page.base + path)
        page.locator(ready).first.wait_for()
        unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.outerHTML)""")
        assert not unlabelled, (path, unlabelled)
        assert page.locator("h1").count() == 1 and page.locator("main").count() == 1
        assert not re.search(r"\b(null|undefined|NaN)\b|\[object Object\]", page.inner_text("main")), path
        assert page.evaluate("() => [...document.querySelectorAll('[role=img]')].every(e => e.getAttribute('aria-label'))")
        ratios = page.evaluate(CONTRAST, ["body", "p", "a", ".muted", ".count", ".meta", ".badge", "mark.q", "label",
                                          "button", ".site-header a", "dt", "dd", "th", "td"])
        low = [r for r in ratios if r[2] < 4.5]
        assert ratios and not low, (path, low[:5])
    page.goto(page.base + "/#/")
    page.locator(".result").first.wait_for()
    first_stop = page.evaluate("""() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').textContent""")
    assert first_stop == "Skip to content"
    page.focus(".skip-link")
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # visible when focused
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'main'")
    page.get_by_label("Search quotes").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Search"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus is visible


def test_claims_across_sources(browser, tmp_path):
    """The three-outlet story: claims with their sources, a contradiction, links into the articles."""
    from sayso.batch import ingest
    from sayso.store import Store

    db = tmp_path / "dam.db"
    with Store(db) as store:
        ingest([str(ROOT / "data" / "samples" / "dam-breach.jsonl")], store, engine="rules")
    with serving(db) as base:
        tab = browser.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(base + "/#/claims")
        tab.locator(".claim").first.wait_for()
        assert "3 sources" in tab.locator(".claim h2").first.inner_text()
        tab.select_option("#claim-verdict", "contradict")
        tab.locator(".verdict-contradict").first.wait_for()
        claims = tab.locator(".claim")
        assert claims.count() >= 1 and claims.locator(".position-denies").count() >= 1
        shot(tab, "claims")
        claims.first.locator("a", has_text="Read in context").first.click()
        tab.locator("mark.q.selected, mark.q").first.wait_for()
        tab.close()
        assert not errors, errors


def test_display_types_in_words_and_a_graph_whose_labels_do_not_overlap(page):
    page.goto(page.base + "/#/paste")
    page.get_by_label("Article text").fill(PASTED)
    page.get_by_role("button", name="Annotate").click()
    page.locator("#paste-result mark.q").first.wait_for(timeout=120_000)
    shown = page.locator("#paste-result aside").inner_text()
    assert not re.search(r"\b(norp|gpe|loc|org)\b", shown), shown
    page.goto(page.base + "/#/actors")
    page.get_by_role("link", name="Tomas Whitaker").click()
    graph = page.locator('#graph[data-ready="true"]')
    graph.wait_for()
    overlaps, used = page.evaluate("""() => {
        const boxes = window.saysoGraph.nodes().map(n => n.renderedBoundingBox({ includeLabels: true }));
        let overlaps = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
        }
        const all = window.saysoGraph.elements().renderedBoundingBox({ includeLabels: true });
        const box = document.getElementById("graph");
        return [overlaps, Math.max(all.w / box.clientWidth, all.h / box.clientHeight)];
    }""")
    assert overlaps == 0 and used > 0.8, (overlaps, used)


def test_filters_and_labels_come_from_the_served_vocabularies(page):
    """The page lists and words what GET /vocabularies says: change the served words, and the
    page shows the change (nothing is retyped in the scripts)."""
    served = api(page, "/vocabularies")
    served["certainty"]["labels"]["hedged"] = "hedged (served)"
    served["actor_type"]["labels"]["PERSON"] = "human being"
    served["statement_type"]["labels"]["writing"] = "in writing (served)"
    page.route("**/vocabularies", lambda route: route.fulfill(json=served))
    page.goto(page.base + "/#/")
    page.get_by_role("heading", name=re.compile(r"^\d+ quotes")).wait_for()
    kinds = [o.get_attribute("value") for o in page.get_by_label("Kind").locator("option").all()][1:]
    assert set(served["quote_kind"]["values"]) <= set(kinds) and "transcript" in kinds
    assert re.search(r"hedged \(served\) \(\d+\)", page.get_by_label("Certainty").inner_text())
    assert re.search(r"in writing \(served\) \(\d+\)", page.get_by_label("Type", exact=True).inner_text())
    page.goto(page.base + "/#/actors")
    page.locator("table.list").wait_for()
    options = page.get_by_label("Type").locator("option").all_inner_texts()
    assert options[1:] == [served["actor_type"]["labels"][t] for t in served["actor_type"]["values"]]
    assert "human being" in page.locator("table.list").inner_text()


def test_filter_quotes_and_articles_by_language(browser, tmp_path):
    """The Language filters of the quotes and articles views list the stored languages by name;
    choosing French keeps the French article's statements, and the reader names its language."""
    from dataclasses import replace

    from sayso.store import Store

    from ..store.conftest import articles

    db = tmp_path / "langs.db"
    with Store(db) as store:
        for (record, analysis), lang in zip(articles(), ("en", "fr", None)):
            store.add(record, replace(analysis, lang=lang))
    french = {q.text for q in articles()[1][1].quotes}
    with serving(db) as base:
        tab = browser.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(base + "/#/")
        tab.get_by_role("heading", name=re.compile(r"^\d+ quotes")).wait_for()
        language = tab.get_by_label("Language")
        assert re.search(r"French \(2\)", language.inner_text()) and "English (3)" in language.inner_text()
        language.select_option("fr")
        results_for(tab, "lang=fr")
        assert set(tab.locator(".result blockquote").all_inner_texts()) == french
        shot(tab, "search-language")
        tab.goto(base + "/#/articles")
        tab.locator("#article-lang").wait_for()
        tab.get_by_label("Language").select_option("fr")
        tab.wait_for_function("() => location.hash.includes('lang=fr') && document.querySelectorAll('.result').length === 1")
        assert tab.locator(".result .meta").inner_text().count("French") == 1
        shot(tab, "articles-language")
        tab.locator(".result h2 a").click()
        tab.locator("mark.q").first.wait_for()
        assert "French" in tab.locator("p.meta").first.inner_text()
        tab.close()
        assert not errors, errors
