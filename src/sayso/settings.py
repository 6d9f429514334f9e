"""sayso's settings in one declarative table: name, default, environment variable, help.

The CLI options, the Python API defaults and the docs are all read from ``SETTINGS``. Only the
edges read the environment (the command line, the server, the Spark driver, the public Python
API): :func:`options` gives them the :class:`~sayso.options.Options` value they pass down.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError
from .options import DEFAULTS, NAMES, Options


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    env: str
    help: str
    secret: bool = False  # its value is never printed


SETTINGS: tuple[Setting, ...] = (
    Setting("model", DEFAULTS.model, "SAYSO_MODEL",
            "spaCy pipeline to load (an installed package name or a path)."),
    Setting("model_fr", DEFAULTS.model_fr, "SAYSO_MODEL_FR",
            "spaCy pipeline that reads French articles (an installed package name or a path)."),
    Setting("engine", DEFAULTS.engine, "SAYSO_ENGINE",
            "Attribution engine: rules, trained (the shipped model), hybrid (the model's quotes completed "
            "by the rules) or auto (hybrid when the trained model is installed, else rules)."),
    Setting("attribution_model", DEFAULTS.attribution_model, "SAYSO_ATTRIBUTION_MODEL",
            "Folder of a trained attribution model for the trained and hybrid engines "
            "(default: the weights shipped in the package)."),
    Setting("max_chars", DEFAULTS.max_chars, "SAYSO_MAX_CHARS",
            "Longest article text accepted, in characters; longer input is refused."),
    Setting("batch_size", DEFAULTS.batch_size, "SAYSO_BATCH_SIZE",
            "Articles per spaCy batch when processing many articles."),
    Setting("ingest_batch_size", DEFAULTS.ingest_batch_size, "SAYSO_INGEST_BATCH_SIZE",
            "Articles per spaCy batch in ingest (news-length articles: 4 is as fast as 32, in half the memory)."),
    Setting("commit_every", DEFAULTS.commit_every, "SAYSO_COMMIT_EVERY",
            "Articles per database transaction in ingest; a crash loses at most the batch in flight."),
    Setting("db", "sayso.db", "SAYSO_DB",
            "SQLite database that ingest writes and the query commands read."),
    Setting("user_agent", DEFAULTS.user_agent, "SAYSO_USER_AGENT",
            "User-Agent header sent when fetching URLs and feeds."),
    Setting("fetch_timeout", DEFAULTS.fetch_timeout, "SAYSO_FETCH_TIMEOUT",
            "Seconds one URL fetch may take in total (connect, wait, download) before it fails."),
    Setting("fetch_max_bytes", DEFAULTS.fetch_max_bytes, "SAYSO_FETCH_MAX_BYTES",
            "Largest response body (or WARC record) accepted, in bytes; larger ones fail."),
    Setting("input_max_bytes", DEFAULTS.input_max_bytes, "SAYSO_INPUT_MAX_BYTES",
            "Largest item read from a file or standard input, in bytes after decompression: a text or "
            "HTML file, a feed file, one JSONL line; a larger one fails alone and is never read whole."),
    Setting("fetch_delay", DEFAULTS.fetch_delay, "SAYSO_FETCH_DELAY",
            "Seconds to wait between two requests to the same host (politeness)."),
    Setting("fetch_robots", DEFAULTS.fetch_robots, "SAYSO_FETCH_ROBOTS",
            "Honour each host's robots.txt for the user agent's product token (RFC 9309); "
            "0 skips the check, for sites that gave permission."),
    Setting("fetch_retries", DEFAULTS.fetch_retries, "SAYSO_FETCH_RETRIES",
            "Retries of a fetch after a transient failure (connection error, timeout, HTTP 429, 502, "
            "503, 504); other errors are not retried."),
    Setting("fetch_backoff", DEFAULTS.fetch_backoff, "SAYSO_FETCH_BACKOFF",
            "Seconds before the first retry, doubled for each next one; a longer Retry-After is "
            "honoured (at most 60 s)."),
    Setting("spark_local_java_options", "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC",
            "SAYSO_SPARK_LOCAL_JAVA_OPTIONS",
            "JVM options of a local-mode Spark session (sayso spark run --master local[N]), where the "
            "JVM shares the cores with the Python workers: by default its JIT stops at the quick tier "
            "and the throughput collector replaces G1 (fewer, shorter pauses), which cuts the JVM's "
            "CPU for the job (bench/spark.py); none keeps Java's defaults."),
    Setting("serve_max_bytes", 1_000_000, "SAYSO_SERVE_MAX_BYTES",
            "Largest request body sayso serve accepts (POST /extract, POST /articles), in bytes; "
            "larger ones get HTTP 413."),
    Setting("serve_max_chars", 100_000, "SAYSO_SERVE_MAX_CHARS",
            "Longest text sayso serve analyses in one request (POST /extract, POST /articles), in "
            "characters; longer ones get HTTP 413, so one client cannot hold the engine for long."),
    Setting("serve_allowed_hosts", "", "SAYSO_SERVE_ALLOWED_HOSTS",
            "Host names sayso serve answers to besides localhost and the address it listens on "
            "(comma-separated; *.example.org for subdomains; * for any): other Host headers get "
            "HTTP 400, which stops DNS rebinding."),
    Setting("serve_base_url", "", "SAYSO_SERVE_BASE_URL",
            "Public URL of sayso serve (https://news.example.org/sayso) for the next links of "
            "its pages; empty: links relative to the server's root (/quotes?offset=50)."),
    Setting("claims_similarity", 0.7, "SAYSO_CLAIMS_SIMILARITY",
            "sayso claims: sentence-embedding cosine that makes two propositions with the same subject and "
            "predicate sense one claim."),
    Setting("claims_paraphrase", 0.85, "SAYSO_CLAIMS_PARAPHRASE",
            "sayso claims: the cosine that makes two propositions with the same subject but predicates of "
            "different senses one claim (a paraphrase)."),
    Setting("claims_contradiction", 0.8, "SAYSO_CLAIMS_CONTRADICTION",
            "sayso claims: the least cosine between an affirming and a denying report for a contradiction "
            "(a false contradiction is worse than none)."),
    Setting("api_token", "", "SAYSO_API_TOKEN",
            "Secret that sayso serve asks of POST /articles (Authorization: Bearer TOKEN); "
            "required with --allow-ingest on an address other than loopback.", secret=True),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> Any:
    """The value of a setting: its environment variable if set, else its default; a value of
    the wrong kind (SAYSO_BATCH_SIZE=many) is a :class:`ConfigError`."""
    setting = _BY_NAME[name]
    raw = os.environ.get(setting.env)
    if raw is None or raw == "":
        return setting.default
    if isinstance(setting.default, bool):
        return raw.strip().lower() not in {"0", "false", "no", "off"}
    try:
        return type(setting.default)(raw)
    except ValueError:
        kind = {int: "a whole number", float: "a number"}.get(type(setting.default), "a value")
        raise ConfigError(f"{setting.env}={raw!r} is not {kind}; unset it or give {kind} "
                          f"(default {setting.default!r})") from None


def options(**overrides: Any) -> Options:
    """The :class:`Options` of this environment (each from its setting), with the ``overrides``
    that are not None: what an edge builds once and passes down."""
    return Options(**{name: get(name) for name in NAMES}).given(**overrides)
