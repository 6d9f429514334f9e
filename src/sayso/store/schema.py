"""The database schema as an ordered list of migrations; ``PRAGMA user_version`` is the version.

A database is brought up to date when opened: each pending migration runs in its own
transaction and is recorded in the ``migrations`` table. Never edit a released migration; add
one (e.g. when the engine gains quote fields such as ``certainty``, move them out of the
``extra`` JSON column into real columns with ``ALTER TABLE`` and an ``UPDATE … json_extract``).

Tables (Datasette-friendly: plain names, foreign keys, FTS5 over ``articles`` and ``quotes``):

- ``runs``: one row per ingest run (sources, model, counts): provenance of every article.
- ``articles``: text, metadata (url, title, published, outlet, author), language, content hash,
  source.
- ``actors``: people, organisations, outlets… merged across articles by normalised name and
  type; unnamed descriptions ("a senior official") stay local to their article.
- ``actor_aliases``, ``actor_roles``: every name and role seen for an actor, with counts.
- ``article_actors``: the engine's per-article actors (``a1``…), each tied to its ``actors`` row.
- ``mentions``: every mention span of an actor in an article.
- ``quotes``: every quote with kind, span, speaker, cue, medium, certainty, polarity, stance
  and statement type (speech, writing, belief…); ``extra`` keeps engine fields this schema has no column for yet (JSON: hedges…).
- ``quote_parts``: the pieces of a split quote (the reporter's words between them excluded).
- ``relations``: who does what to whom (``type`` is the predicate: funds, backs, member_of…)
  and by whose account (``claimant_id``), with ``data`` the engine's JSON.

- ``proposition_vectors``: the sentence embedding of each proposition of a quote (``sayso
  claims`` computes it on first use and keeps it here with the sentence it encodes, so a later
  search reads it instead of running the encoder; a changed sentence is encoded again).
- ``vocabularies``: every value of the closed vocabularies of :mod:`sayso.types` (certainty,
  quote_kind, actor_type…) with its words; triggers refuse a value outside it in the columns of
  :data:`VOCABULARY_COLUMNS`. It is brought up to date from the enums whenever a store opens.

Views: ``quotes_with_speakers``, ``relations_with_actors``, ``articles_overview`` and
``speaker_mentions`` (who names whom inside their quotes).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ..types import VOCABULARIES
from .statements import statements

APPLICATION_ID = 0x5A7590  # marks a file as a sayso database (PRAGMA application_id)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: str | Callable[[sqlite3.Connection], None]


_V1 = """
CREATE TABLE migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    sources TEXT NOT NULL,            -- JSON list of what was given to sayso ingest
    model TEXT,
    sayso_version TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    stored INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT UNIQUE,                  -- canonical URL (no fragment, no utm_* parameters)
    content_hash TEXT NOT NULL UNIQUE, -- sha256 of the normalised text
    title TEXT,
    published TEXT,                   -- ISO 8601 date or UTC datetime
    outlet TEXT,
    author TEXT,
    source TEXT,                      -- the file, feed or crawl the article came from
    source_key TEXT,                  -- the item within it (path, URL, file.warc.gz#offset)
    fetched_at TEXT,
    ingested_at TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    text TEXT NOT NULL,               -- every offset in the database indexes into this text
    warnings TEXT NOT NULL DEFAULT '[]',
    meta TEXT NOT NULL DEFAULT '{}',  -- JSON: source metadata (description, language, ...)
    extra TEXT                        -- JSON: analysis fields without a column (engine meta ...)
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_run ON articles(run_id);

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    norm_name TEXT NOT NULL,          -- the merge key with type: case, accents, punctuation folded
    named INTEGER NOT NULL DEFAULT 1,
    article_id INTEGER REFERENCES articles(id), -- set only for unnamed actors, local to one article
    article_count INTEGER NOT NULL DEFAULT 0,
    mention_count INTEGER NOT NULL DEFAULT 0,
    quote_count INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX actors_identity ON actors(norm_name, type, IFNULL(article_id, 0));
CREATE INDEX actors_quote_count ON actors(quote_count);

CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    alias TEXT NOT NULL,
    norm_alias TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_aliases_norm ON actor_aliases(norm_alias);

CREATE TABLE actor_roles (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    role TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (actor_id, role)
);

CREATE TABLE article_actors (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,           -- the engine's id within the article: a1, a2, ...
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    named INTEGER NOT NULL DEFAULT 1,
    aliases TEXT NOT NULL DEFAULT '[]',
    roles TEXT NOT NULL DEFAULT '[]',
    extra TEXT,
    UNIQUE (article_id, local_id)
);
CREATE INDEX article_actors_actor ON article_actors(actor_id);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    article_actor_id INTEGER NOT NULL REFERENCES article_actors(id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id, start_char);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,           -- q1, q2, ...
    kind TEXT NOT NULL,               -- direct, indirect, mixed, partial, according_to, transcript
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker_id INTEGER REFERENCES actors(id),
    speaker_local_id TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,                -- how the speaker is named at this quote ("he", "the minister")
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    medium_id INTEGER REFERENCES actors(id),
    medium_local_id TEXT,
    medium_start INTEGER,
    medium_end INTEGER,
    inherited INTEGER NOT NULL DEFAULT 0,
    extra TEXT,                       -- JSON: newer engine fields (certainty, polarity, hedges ...)
    UNIQUE (article_id, local_id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_medium ON quotes(medium_id);
CREATE INDEX quotes_kind ON quotes(kind);

CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id TEXT,
    type TEXT,
    source_id INTEGER REFERENCES actors(id),
    target_id INTEGER REFERENCES actors(id),
    data TEXT NOT NULL                -- JSON: the relation as the engine reported it
);
CREATE INDEX relations_article ON relations(article_id);
CREATE INDEX relations_source ON relations(source_id);
CREATE INDEX relations_target ON relations(target_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content=[articles], content_rowid=id);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content=[quotes], content_rowid=id);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIEW quotes_with_speakers AS
SELECT q.id, q.article_id, a.published, a.outlet, a.title AS article_title, a.url,
       q.kind, s.name AS speaker, s.type AS speaker_type, q.speaker_text AS speaker_as,
       q.cue, m.name AS medium, q.text, q.start_char, q.end_char,
       json_extract(q.extra, '$.certainty') AS certainty, q.speaker_id, q.medium_id
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN actors s ON s.id = q.speaker_id
LEFT JOIN actors m ON m.id = q.medium_id;

CREATE VIEW articles_overview AS
SELECT a.id, a.published, a.outlet, a.title, a.url, a.author,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
       (SELECT count(*) FROM article_actors x WHERE x.article_id = a.id) AS actors,
       length(a.text) AS characters, a.ingested_at
FROM articles a;

-- Who talks about whom: a speaker, and each actor mentioned inside their quotes.
CREATE VIEW speaker_mentions AS
SELECT q.speaker_id, s.name AS speaker, m.actor_id AS mentioned_id, t.name AS mentioned,
       count(DISTINCT q.id) AS quotes, count(DISTINCT q.article_id) AS articles
FROM quotes q
JOIN mentions m ON m.article_id = q.article_id
               AND m.start_char >= q.start_char AND m.end_char <= q.end_char
JOIN actors s ON s.id = q.speaker_id
JOIN actors t ON t.id = m.actor_id
WHERE q.speaker_id IS NOT NULL AND m.actor_id != q.speaker_id
GROUP BY q.speaker_id, m.actor_id;
"""

# The engine gained per-quote certainty, polarity and stance and structured relations
# (subject, predicate, object, claimant): real columns, filled from the JSON they had been kept in.
_V2 = """
ALTER TABLE quotes ADD COLUMN certainty TEXT;        -- asserted | hedged | doubted
ALTER TABLE quotes ADD COLUMN polarity TEXT;         -- positive | negative
ALTER TABLE quotes ADD COLUMN stance TEXT;           -- the reporter's: neutral | distancing | endorsing
UPDATE quotes SET certainty = json_extract(extra, '$.certainty'),
                  polarity = json_extract(extra, '$.polarity'),
                  stance = json_extract(extra, '$.stance'),
                  extra = json_remove(extra, '$.certainty', '$.polarity', '$.stance')
WHERE extra IS NOT NULL;
UPDATE quotes SET extra = NULL WHERE extra = '{}';
CREATE INDEX quotes_certainty ON quotes(certainty);

-- A split quote ("…," he said. "…") has several parts; what lies between them is the
-- reporter's, so "who is named inside a quote" looks at the parts only.
CREATE TABLE quote_parts (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL REFERENCES quotes(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL
);
CREATE INDEX quote_parts_quote ON quote_parts(quote_id);
CREATE INDEX quote_parts_article ON quote_parts(article_id, start_char);
INSERT INTO quote_parts(quote_id, article_id, start_char, end_char)
SELECT q.id, q.article_id, json_extract(p.value, '$[0]'), json_extract(p.value, '$[1]')
FROM quotes q, json_each(q.extra, '$.parts') p WHERE q.extra IS NOT NULL;
INSERT INTO quote_parts(quote_id, article_id, start_char, end_char)
SELECT q.id, q.article_id, q.start_char, q.end_char FROM quotes q
WHERE NOT EXISTS (SELECT 1 FROM quote_parts x WHERE x.quote_id = q.id);
UPDATE quotes SET extra = json_remove(extra, '$.parts') WHERE extra IS NOT NULL;
UPDATE quotes SET extra = NULL WHERE extra = '{}';

DROP VIEW speaker_mentions;
CREATE VIEW speaker_mentions AS
SELECT q.speaker_id, s.name AS speaker, m.actor_id AS mentioned_id, t.name AS mentioned,
       count(DISTINCT q.id) AS quotes, count(DISTINCT q.article_id) AS articles
FROM quotes q
JOIN quote_parts qp ON qp.quote_id = q.id
JOIN mentions m ON m.article_id = qp.article_id
               AND m.start_char >= qp.start_char AND m.end_char <= qp.end_char
JOIN actors s ON s.id = q.speaker_id
JOIN actors t ON t.id = m.actor_id
WHERE q.speaker_id IS NOT NULL AND m.actor_id != q.speaker_id
GROUP BY q.speaker_id, m.actor_id;

ALTER TABLE relations ADD COLUMN claimant_id INTEGER REFERENCES actors(id);
ALTER TABLE relations ADD COLUMN quote_id INTEGER REFERENCES quotes(id);
ALTER TABLE relations ADD COLUMN start_char INTEGER;
ALTER TABLE relations ADD COLUMN end_char INTEGER;
ALTER TABLE relations ADD COLUMN text TEXT;
ALTER TABLE relations ADD COLUMN certainty TEXT;
ALTER TABLE relations ADD COLUMN polarity TEXT;
UPDATE relations SET
    type = coalesce(json_extract(data, '$.predicate'), type),
    start_char = json_extract(data, '$.start'), end_char = json_extract(data, '$.end'),
    text = json_extract(data, '$.text'), certainty = json_extract(data, '$.certainty'),
    polarity = json_extract(data, '$.polarity'),
    source_id = coalesce(source_id, (SELECT x.actor_id FROM article_actors x
        WHERE x.article_id = relations.article_id AND x.local_id = json_extract(relations.data, '$.subject'))),
    target_id = coalesce(target_id, (SELECT x.actor_id FROM article_actors x
        WHERE x.article_id = relations.article_id AND x.local_id = json_extract(relations.data, '$.object'))),
    claimant_id = (SELECT x.actor_id FROM article_actors x
        WHERE x.article_id = relations.article_id AND x.local_id = json_extract(relations.data, '$.claimant')),
    quote_id = (SELECT q.id FROM quotes q
        WHERE q.article_id = relations.article_id AND q.local_id = json_extract(relations.data, '$.quote'));
CREATE INDEX relations_type ON relations(type);

DROP VIEW quotes_with_speakers;
CREATE VIEW quotes_with_speakers AS
SELECT q.id, q.article_id, a.published, a.outlet, a.title AS article_title, a.url,
       q.kind, s.name AS speaker, s.type AS speaker_type, q.speaker_text AS speaker_as,
       q.cue, m.name AS medium, q.text, q.certainty, q.polarity, q.stance,
       q.start_char, q.end_char, q.speaker_id, q.medium_id
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN actors s ON s.id = q.speaker_id
LEFT JOIN actors m ON m.id = q.medium_id;

-- "Iran funds the militias", according to whom: readable relations.
CREATE VIEW relations_with_actors AS
SELECT r.id, r.article_id, a.published, a.outlet, s.name AS subject, r.type AS predicate,
       o.name AS object, c.name AS claimant, r.certainty, r.polarity, r.text, r.quote_id,
       r.start_char, r.end_char, r.source_id, r.target_id, r.claimant_id
FROM relations r
JOIN articles a ON a.id = r.article_id
LEFT JOIN actors s ON s.id = r.source_id
LEFT JOIN actors o ON o.id = r.target_id
LEFT JOIN actors c ON c.id = r.claimant_id;
"""

# The columns that hold a vocabulary's values: (table, column, vocabulary); the first ones are
# checked since version 3, a column added later gets its check in the migration that adds it.
_V3_VOCABULARY_COLUMNS = (
    ("actors", "type", "actor_type"), ("article_actors", "type", "actor_type"), ("quotes", "kind", "quote_kind"),
    ("quotes", "certainty", "certainty"), ("quotes", "polarity", "polarity"), ("quotes", "stance", "stance"),
    ("relations", "certainty", "certainty"), ("relations", "polarity", "polarity"),
)
VOCABULARY_COLUMNS = _V3_VOCABULARY_COLUMNS + (("quotes", "type", "statement_type"),)


def sync_vocabularies(conn: sqlite3.Connection) -> None:
    """Add the values and words of :data:`sayso.types.VOCABULARIES` that the ``vocabularies`` table
    lacks; values an older sayso wrote stay, so the rows that use them stay valid."""
    wanted = {(name, member.value, member.label, (vocabulary.__doc__ or "").strip().splitlines()[0])
              for name, vocabulary in VOCABULARIES.items() for member in vocabulary}
    have = set(map(tuple, conn.execute("SELECT vocabulary, value, label, description FROM vocabularies")))
    if wanted - have:
        conn.executemany("INSERT OR REPLACE INTO vocabularies VALUES (?, ?, ?, ?)", sorted(wanted - have))


def _v3(conn: sqlite3.Connection) -> None:
    """The vocabularies as a table, and a check on every column that holds their values."""
    conn.execute("""CREATE TABLE vocabularies (
        vocabulary TEXT NOT NULL, value TEXT NOT NULL, label TEXT NOT NULL, description TEXT NOT NULL,
        PRIMARY KEY (vocabulary, value)) WITHOUT ROWID""")
    sync_vocabularies(conn)
    for table, column, name in _V3_VOCABULARY_COLUMNS:
        _vocabulary_check(conn, table, column, name)


def _vocabulary_check(conn: sqlite3.Connection, table: str, column: str, name: str) -> None:
    """Triggers that refuse a value of ``table.column`` outside the vocabulary ``name``."""
    check = (f"SELECT RAISE(ABORT, '{table}.{column}: not a {name} value (see the vocabularies table)') "
             f"WHERE NEW.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM vocabularies "
             f"WHERE vocabulary = '{name}' AND value = NEW.{column});")
    conn.execute(f"CREATE TRIGGER {table}_{column}_insert BEFORE INSERT ON {table} BEGIN {check} END")
    conn.execute(f"CREATE TRIGGER {table}_{column}_update BEFORE UPDATE OF {column} ON {table} "
                 f"BEGIN {check} END")


# The engine tells what act each statement reports (speech, writing, belief, intention,
# unspecified; sayso.types.StatementType): a real column, filled from the JSON it had been kept in.
_V4_QUOTE_TYPE = """
ALTER TABLE quotes ADD COLUMN type TEXT;             -- speech | writing | belief | intention | unspecified
UPDATE quotes SET type = json_extract(extra, '$.type'), extra = json_remove(extra, '$.type')
WHERE extra IS NOT NULL AND json_extract(extra, '$.type') IS NOT NULL;
UPDATE quotes SET extra = NULL WHERE extra = '{}';
CREATE INDEX quotes_type ON quotes(type);

DROP VIEW quotes_with_speakers;
CREATE VIEW quotes_with_speakers AS
SELECT q.id, q.article_id, a.published, a.outlet, a.title AS article_title, a.url,
       q.kind, q.type, s.name AS speaker, s.type AS speaker_type, q.speaker_text AS speaker_as,
       q.cue, m.name AS medium, q.text, q.certainty, q.polarity, q.stance,
       q.start_char, q.end_char, q.speaker_id, q.medium_id
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN actors s ON s.id = q.speaker_id
LEFT JOIN actors m ON m.id = q.medium_id;
"""


def _v4_quote_type(conn: sqlite3.Connection) -> None:
    """``quotes.type``, the statement type, from ``extra`` where stored there, checked like every
    vocabulary column."""
    sync_vocabularies(conn)  # a store of version 3 may not know the statement types yet
    for statement in statements(_V4_QUOTE_TYPE):
        conn.execute(statement)
    _vocabulary_check(conn, "quotes", "type", "statement_type")


# Sentence embeddings of quotes' propositions, kept by sayso claims (sayso.claims.vectors): float16
# little-endian, the encoder's width; ``sentence`` is the text encoded (with its subject resolved),
# so a vector whose sentence no longer matches is recomputed.
_V5_PROPOSITION_VECTORS = """
CREATE TABLE proposition_vectors (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    proposition INTEGER NOT NULL,     -- index among the quote's propositions
    sentence TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (quote_id, proposition)
) WITHOUT ROWID;
"""


# Each article's language (ISO 639-1, sayso.language; NULL: too short or mixed to tell) as a column
# to filter on; ``extra`` keeps it too, so the analysis reads back unchanged. Stores written since
# the analysis carried ``lang`` have it in ``extra``; older ones stay NULL until sayso reanalyse.
_V6_ARTICLE_LANG = """
ALTER TABLE articles ADD COLUMN lang TEXT;
UPDATE articles SET lang = json_extract(extra, '$.lang') WHERE json_valid(extra);
CREATE INDEX articles_lang ON articles(lang);
"""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, actors, mentions, quotes, relations, FTS5 and views", _V1),
    Migration(2, "quote certainty, polarity, stance and parts; relation claimant, quote, span", _V2),
    Migration(3, "vocabularies table; their columns take only its values", _v3),
    Migration(4, "quote statement type (speech, writing, belief, intention, unspecified)", _v4_quote_type),
    Migration(5, "proposition sentence vectors, kept by sayso claims", _V5_PROPOSITION_VECTORS),
    Migration(6, "article language (ISO 639-1), from the analysis", _V6_ARTICLE_LANG),
)

LATEST = MIGRATIONS[-1].version
