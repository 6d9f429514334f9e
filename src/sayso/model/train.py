"""Train the attribution tagger on a brat corpus laid out like PolNeAR: train on ``train/``,
keep the weights that score best on ``dev/``, all within a wall-clock budget.

Reproducible: the seed and every hyper-parameter come from the config file, and the number of
updates actually made is recorded in the model's meta.json (``max_steps`` replays a run).
"""
from __future__ import annotations

import pickle
from contextlib import nullcontext
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.training.batchers import minibatch_by_words
from spacy.util import fix_random_seed, load_config, load_model_from_config
from thinc.api import Adam, Config

from ..errors import ConfigError
from ..corpora.brat import read_split
from ..corpora.counts import Counts
from ..corpora.spans import exact_counts
from . import features
from .bio import LABELS, ROLES
from .data import Prepared, examples, prepare
from .decode import join_split, tagged_spans

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")
Report = Callable[[str], None]


@dataclass
class TrainResult:
    """What a training run produced and how it went."""

    out: Path
    best: dict[str, float]
    steps: int
    words: int
    epochs: float
    seconds: float
    history: list[dict[str, Any]] = field(default_factory=list)


def read_config(path: Path | str | None = None) -> Config:
    """The training config: [nlp] and [components] for spaCy, [training] for the loop."""
    path = Path(path) if path is not None else DEFAULT_CONFIG
    if not path.is_file():
        raise ConfigError(f"training config {path} does not exist; pass --config FILE (see {DEFAULT_CONFIG})")
    return load_config(path)


def build(config: Config) -> Language:
    """A blank English pipeline with the untrained tagger the config describes."""
    nlp_config = Config({"nlp": config["nlp"], "components": config["components"]})
    nlp = load_model_from_config(nlp_config, auto_fill=True, validate=True)
    ner: Any = nlp.get_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    return nlp


def dev_scores(nlp: Language, items: Sequence[Prepared]) -> dict[str, Counts]:
    """Exact span match (trimmed) per role of the tagger's spans on ``items`` (feature docs, no
    parse: split quotations are joined, the rest of the linking needs the parse)."""
    totals = {role: Counts() for role in ROLES}
    docs = nlp.pipe((item.doc(nlp.vocab) for item in items), batch_size=8)
    for item, doc in zip(items, docs):
        predicted: dict[str, list] = {role: [] for role in ROLES}
        spans = tagged_spans(doc)
        by_label = {label: [(s, e) for s, e, tag in spans if tag == label] for label in LABELS}
        for start, end, label in spans:
            if label != "CONTENT":
                predicted[label.lower()].append(((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),))
        # a quotation split by its cue is one content in two parts, as the engines decode it
        for parts in join_split(doc, by_label["CONTENT"], by_label["CUE"], by_label["SOURCE"]):
            predicted["content"].append(tuple((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in parts))
        for role in ROLES:
            gold = [getattr(a, role) for a in item.gold]
            totals[role] = totals[role] + exact_counts(item.text, gold, predicted[role])
    return totals


def _weights(nlp: Language, optimizer: Any, averaged: bool):
    """The weights to evaluate and keep: the running averages when the config asks for them."""
    return nlp.use_params(optimizer.averages) if averaged and optimizer.averages else nullcontext()


def _prepared(corpus: Path, split: str, cache: Path | None, report: Report) -> list[Prepared]:
    cached = None if cache is None else cache / f"{split}.pickle"
    if cached is not None and cached.is_file():
        report(f"reading parsed {split} split from {cached}")
        return pickle.loads(cached.read_bytes())
    from ..nlp import load_pipeline

    articles = read_split(corpus, split)
    report(f"parsing {len(articles)} {split} articles")
    items = list(prepare(articles, load_pipeline()))
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(items))
    return items


def train(corpus: Path | str, out: Path | str, *, config_path: Path | str | None = None,
          max_minutes: float | None = None, max_steps: int | None = None, cache: Path | str | None = None,
          report: Report = lambda message: None) -> TrainResult:
    """Train on ``corpus/train``, select on ``corpus/dev``, save the best weights to ``out``.

    ``max_minutes`` bounds the whole run, parsing included (default: the config's); ``cache``
    keeps the parsed corpus between runs (a folder).
    """
    started = time.monotonic()
    config = read_config(config_path)
    settings = dict(config["training"])
    budget = 60 * float(max_minutes if max_minutes is not None else settings["max_minutes"])
    max_steps = max_steps if max_steps is not None else int(settings.get("max_steps", 0)) or None
    seed = int(settings["seed"])
    fix_random_seed(seed)
    shuffle = random.Random(seed)
    cache_dir = None if cache is None else Path(cache)

    train_items = _prepared(Path(corpus), "train", cache_dir, report)
    dev_items = _prepared(Path(corpus), "dev", cache_dir, report)
    nlp = build(config)
    train_examples = examples(train_items, nlp.vocab, int(settings["chunk_tokens"]))
    averaged = bool(settings.get("use_averages", False))
    optimizer = Adam(learn_rate=float(settings["learn_rate"]), L2=float(settings["L2"]),
                     grad_clip=float(settings["grad_clip"]), L2_is_weight_decay=True, use_averages=averaged)
    nlp.initialize(lambda: train_examples, sgd=optimizer)
    report(f"{len(train_examples)} training pieces from {len(train_items)} articles; "
           f"{time.monotonic() - started:.0f}s spent preparing")

    warmup, base_rate = int(settings["warmup_steps"]), float(settings["learn_rate"])
    total_words = sum(len(eg) for eg in train_examples)
    eval_every = int(settings["eval_every_words"])
    patience, max_epochs = int(settings["patience"]), int(settings["max_epochs"])
    steps = words = since_eval = stale = 0
    best: dict[str, float] = {"score": -1.0}
    best_bytes: bytes | None = None
    history: list[dict[str, Any]] = []
    eval_seconds = 0.0
    stop = None
    for epoch in range(max_epochs):
        shuffle.shuffle(train_examples)
        for batch in minibatch_by_words(train_examples, size=int(settings["batch_words"])):
            optimizer.learn_rate = base_rate * min(1.0, (steps + 1) / warmup) if warmup else base_rate
            nlp.update(batch, drop=float(settings["dropout"]), sgd=optimizer, losses={})
            steps += 1
            batch_words = sum(len(eg) for eg in batch)
            words += batch_words
            since_eval += batch_words
            elapsed = time.monotonic() - started
            out_of_time = elapsed + 2 * eval_seconds + 30 > budget
            if since_eval >= eval_every or out_of_time or (max_steps and steps >= max_steps):
                since_eval = 0
                tick = time.monotonic()
                with _weights(nlp, optimizer, averaged):
                    scores = dev_scores(nlp, dev_items)
                eval_seconds = time.monotonic() - tick
                f1 = {role: round(100 * scores[role].f1, 2) for role in ROLES}
                score = sum(f1.values()) / len(f1)
                history.append({"step": steps, "epoch": round(words / total_words, 2),
                                "minutes": round((time.monotonic() - started) / 60, 1), **f1})
                improved = score > best["score"]
                report(f"step {steps:>6}  epoch {words / total_words:5.2f}  "
                       f"{(time.monotonic() - started) / 60:5.1f} min  source {f1['source']:5.1f}  "
                       f"cue {f1['cue']:5.1f}  content {f1['content']:5.1f}{'  *' if improved else ''}")
                if improved:
                    with _weights(nlp, optimizer, averaged):
                        best_bytes = nlp.to_bytes()
                    best, stale = {"score": round(score, 2), "step": steps, **f1}, 0
                else:
                    stale += 1
                if out_of_time:
                    stop = "time budget"
                elif max_steps and steps >= max_steps:
                    stop = "max_steps"
                elif stale >= patience:
                    stop = "patience"
            if stop:
                break
        if stop:
            break
    if best_bytes is not None:
        nlp.from_bytes(best_bytes)
    seconds = time.monotonic() - started
    nlp.meta.update({
        "name": "sayso_attribution",
        "version": "1.0.0",
        "description": "sayso's attribution tagger (source, cue, content spans), trained on PolNeAR train, "
                       "selected on dev",
        "sayso": {
            "corpus": str(Path(corpus).resolve().name),
            "config": dict(config["training"]),
            "features": features.describe(),
            "best_dev_exact_f1": best,
            "steps": steps,
            "words": words,
            "epochs": round(words / max(total_words, 1), 2),
            "stopped_by": stop or "max_epochs",
            "seconds": round(seconds),
            "history": history,
        },
    })
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return TrainResult(out, best, steps, words, round(words / max(total_words, 1), 2), seconds, history)
