"""Request and response shapes of the REST API, as OpenAPI documents them.

Rows are the store's own dataclasses (:mod:`sayso.store.queries`); the analysis of an article is
the JSON contract of ``sayso extract --format json``, documented by the packaged JSON Schema
(``#/components/schemas/Analysis``, see :func:`sayso.server.app.create_app`).
"""
from __future__ import annotations

from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator, model_validator

from ..claims import Link, Report
from ..store.queries import ActorRow, ArticleRow, QuoteRow, RelationRow, Tie
from ..types import ActorType

#: The extract contract: validated as a plain object, documented by the packaged schema.
AnalysisContract = Annotated[dict[str, Any],
                             WithJsonSchema({"allOf": [{"$ref": "#/components/schemas/Analysis"}]})]

MAX_URL = 2048  # what browsers and servers commonly accept
EXAMPLE = ("“We will not back down,” Sheikh Ghaith Al-Tamimi, a senior cleric, told The Jerusalem "
           "Post. According to Levant Today, the IRGC funds his charity.")


def web_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host that an HTTP client can parse, else ValueError."""
    import httpx

    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, ValueError) as exc:
        raise ValueError(f"not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError("only http and https URLs are accepted")
    return url.strip()


class Problem(BaseModel):
    """An error: ``detail`` says what went wrong and how to fix it."""

    detail: Any = Field(description="A message, or for 422 a list of {loc, msg, type} per invalid field.")
    message: Optional[str] = Field(None, description="For 422: every problem in one line.")


class Page(BaseModel):
    total: int = Field(description="How many items match the filters (all pages).")
    offset: int = Field(description="Index of the first item of this page.")
    limit: int = Field(description="Page size asked for.")
    next: Optional[str] = Field(None, description="Link to the next page, or null on the last one: a path "
                                                  "from the server's root (/quotes?offset=50), or a full URL "
                                                  "when the server has SAYSO_SERVE_BASE_URL.")


class FacetValue(BaseModel):
    value: Optional[str] = Field(description="The value (null: not set).")
    count: int
    id: Optional[int] = Field(None, description="For speakers: the actor id.")


class QuotePage(Page):
    items: list[QuoteRow]
    facets: Optional[dict[str, list[FacetValue]]] = Field(
        None, description="With facets=true: counts per kind, type, certainty, polarity, stance, lang, outlet, speaker "
                          "and month over all matching quotes.")


class ClaimItem(BaseModel):
    id: int = Field(description="The lowest quote id among the claim's reports.")
    text: str = Field(description="The words of the earliest-published report.")
    verdict: str = Field(description="contradict: two sources assert opposite polarities of the claim's proposition; "
                                     "else agree.")
    sources: list[str] = Field(description="Outlets telling the claim (\"article N\" when one has no outlet).")
    speakers: list[str]
    terms: list[str] = Field(description="Word stems most reports share, the most shared first.")
    similarity: float = Field(description="The lowest sentence-embedding cosine among the links that joined the claim.")
    positions: dict[str, int] = Field(description="Reports per position: affirms, hedges, denies.")
    reports: list[Report] = Field(description="Each article's telling: the stored quote, its proposition with offsets, "
                                              "its position and the negation or hedge words that set it.")
    links: list[Link] = Field(description="Why two reports are one claim: shared subject (actor), predicates, "
                                          "shared names, numbers and times, embedding similarity.")
    contradictions: list[list[int]] = Field(description="(affirming, denying) quote ids from different sources.")


class ClaimPage(Page):
    items: list[ClaimItem]


class ArticlePage(Page):
    items: list[ArticleRow]
    facets: Optional[dict[str, list[FacetValue]]] = Field(
        None, description="With facets=true: counts per lang over all matching articles.")


class ActorPage(Page):
    items: list[ActorRow]


class RelationPage(Page):
    items: list[RelationRow]


class ArticleDetail(BaseModel):
    article: ArticleRow
    analysis: AnalysisContract = Field(description="Text and every finding, offsets into analysis.text.")
    actor_ids: dict[str, int] = Field(description="The analysis' actor ids (a1, a2…) → merged actor ids "
                                                  "(GET /actors/{id}).")
    quote_ids: dict[str, int] = Field(description="The analysis' quote ids (q1, q2…) → stored quote ids.")


class NameCount(BaseModel):
    name: str
    count: int


class SharedArticles(BaseModel):
    actor: ActorRow
    articles: int = Field(description="Articles the two actors share.")


class ActorDetail(BaseModel):
    actor: ActorRow
    aliases: list[NameCount]
    roles: list[NameCount]
    quotes_by: list[QuoteRow] = Field(description="What the actor said, newest first.")
    quotes_about: list[QuoteRow] = Field(description="What others said that names the actor inside the quote.")
    quotes_by_total: int
    quotes_about_total: int
    relations: list[RelationRow] = Field(description="Relations with the actor as subject, object or claimant.")
    relations_total: int
    ties: list[Tie] = Field(description="Speaks about, told, and relation links, in both directions.")
    co_quoted: list[SharedArticles] = Field(description="Others quoted in the same articles.")
    co_mentioned: list[SharedArticles] = Field(description="Named actors in the same articles.")


class GraphNode(BaseModel):
    id: int
    label: str
    type: ActorType
    named: bool
    quotes: int
    articles: int
    mentions: int
    degree: int
    focus: bool = Field(description="The actor the graph was asked around.")


class GraphEdge(BaseModel):
    id: str
    source: int
    target: int
    weight: int
    articles: int
    kinds: dict[str, int] = Field(description="speaks_about, told, co_quoted or a relation type → count.")
    directed: bool


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(description="More actors qualified than max_nodes allowed.")


class VocabularyTerms(BaseModel):
    """One closed vocabulary of the analysis schema (``#/components/schemas/Analysis_<name>``)."""

    values: list[str] = Field(description="Every value, in the schema's order.")
    labels: dict[str, str] = Field(description="Each value in words, for a reader (PERSON → person).")
    description: str


class _OneSource(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Optional[str] = Field(None, description="The article as plain text (UTF-8).")
    html: Optional[str] = Field(None, description="The article as an HTML page (main text is extracted).")


class ExtractRequest(_OneSource):
    """Give exactly one of ``text`` or ``html``."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": EXAMPLE}]})

    @model_validator(mode="after")
    def _exactly_one(self) -> ExtractRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


class IngestRequest(_OneSource):
    """``text`` or ``html`` to store as given, or only ``url`` to have the server fetch it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"text": EXAMPLE, "title": "Cleric defiant", "outlet": "Levant Today", "published": "2024-03-01"},
        {"url": "https://news.example.org/2024/03/01/cleric"}]})

    url: Optional[str] = Field(None, max_length=MAX_URL, description="The article's http(s) URL; fetched when "
                                                                     "neither text nor html is given (public "
                                                                     "addresses only).")
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO 8601 date or datetime.")
    outlet: Optional[str] = None
    author: Optional[str] = None

    @field_validator("url")
    @classmethod
    def _web_url(cls, url: Optional[str]) -> Optional[str]:
        """Only an http(s) URL is stored: the web page links to it, and a javascript: one would run."""
        return None if url is None else web_url(url)

    @model_validator(mode="after")
    def _something(self) -> IngestRequest:
        if self.text is not None and self.html is not None:
            raise ValueError("give text or html, not both")
        if self.text is None and self.html is None and not self.url:
            raise ValueError("give text, html, or a url to fetch")
        return self


class IngestResult(BaseModel):
    id: int = Field(description="The article id (GET /articles/{id}).")
    stored: bool = Field(description="False when the article was already stored (same URL or text).")
    article: ArticleRow
