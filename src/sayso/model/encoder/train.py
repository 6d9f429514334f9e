"""Fine-tune a transformer encoder as the source/cue/content tagger on a brat corpus laid out
like PolNeAR (``train/`` to learn, ``dev/`` to choose), on CPU, resumably.

Each epoch reads every training article once in windows of ``window`` wordpieces that start
at a per-article random shift, so epochs see different cuts at the same cost. The loop is
reproducible from its seed: an epoch's windows and order depend only on (seed, epoch), and a
checkpoint keeps the model, optimizer, schedule and random states, so ``resume`` continues
where the last checkpoint left off. At each epoch end the dev split is decoded as at run time
(window-averaged scores, constrained Viterbi) and scored by exact span F1; the best weights
are kept in ``OUT/best``.

Needs the ``train`` extra (torch, transformers).
"""
from __future__ import annotations

import json
import os
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy

from ...errors import ConfigError
from ...corpora.brat import read_split
from ...corpora.counts import Counts
from ...corpora.spans import exact_counts
from ..bio import ROLES
from . import windows as W
from .weights import encoder_dir

Report = Callable[[str], None]
CHECKPOINT = "last.pt"
BEST = "best"
META = "sayso.json"


@dataclass(frozen=True)
class TrainOptions:
    """The hyper-parameters of a run (kept in each checkpoint; a resumed run uses them)."""

    epochs: int = 5
    batch_size: int = 16
    learn_rate: float = 1e-4
    warmup: float = 0.06  # share of all updates spent warming up, then linear decay to 0
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    window: int = W.WINDOW
    stride: int = W.STRIDE
    seed: int = 1618
    checkpoint_every: int = 200
    limit: int | None = None  # articles per split (smoke tests)
    threads: int = 2
    # more training articles: folders laid out like a split (attributions/, text/), read
    # whole except the articles named in hold_out (kept unseen, to measure on)
    add_train: tuple[str, ...] = ()
    hold_out: tuple[str, ...] = ()
    # gold spans cut at line breaks: the tagger learns that no span crosses a paragraph
    cut_at_breaks: bool = False


@dataclass(frozen=True)
class Article:
    """A gold article as the encoder sees it: wordpieces with a tag index each."""

    name: str
    text: str
    pieces: W.Pieces
    tags: numpy.ndarray
    gold: tuple = ()


@dataclass
class TrainResult:
    """What a run produced and how it went."""

    out: Path
    best: dict[str, Any]
    steps: int
    seconds: float
    stopped_by: str
    history: list[dict[str, Any]] = field(default_factory=list)


def _torch():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # weights come from a folder, never a hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import torch
        import transformers  # noqa: F401
    except ImportError as exc:
        raise ConfigError(f"training the encoder needs the train extra ({exc.name} is missing); "
                          "`pip install 'sayso[train]'`") from None
    return torch


def read_articles(corpus: Path | str, split: str, tokenizer, limit: int | None = None,
                  cut_at_breaks: bool = False) -> list[Article]:
    """The split's articles as wordpieces with gold tags."""
    out = []
    for gold in read_split(corpus, split, limit=limit):
        article = W.pieces(tokenizer, gold.text)
        tags = W.piece_tags(article, W.gold_char_spans(gold.text, gold.attributions, cut_at_breaks))
        out.append(Article(gold.name, gold.text, article, tags, gold.attributions))
    return out


def training_articles(corpus: Path | str, tokenizer, options: TrainOptions) -> list[Article]:
    """``corpus/train`` and the articles of each ``options.add_train`` folder not held out."""
    articles = read_articles(corpus, "train", tokenizer, options.limit, options.cut_at_breaks)
    held = set(options.hold_out)
    for folder in map(Path, options.add_train):
        if not (folder / "attributions").is_dir() or not (folder / "text").is_dir():
            raise ConfigError(f"{folder}: not a corpus split (it needs attributions/ and text/ folders)")
        added = read_articles(folder.parent, folder.name, tokenizer, options.limit, options.cut_at_breaks)
        articles.extend(a for a in added if a.name not in held)
    return articles


def epoch_plan(articles: Sequence[Article], epoch: int, options: TrainOptions) -> list[list[tuple[int, int, int]]]:
    """The batches of one epoch, each a list of (article, start, end) windows: every article
    cut into windows from a random shift, in a random order, both fixed by (seed, epoch)."""
    rng = numpy.random.default_rng([options.seed, epoch])
    windows = []
    for index, article in enumerate(articles):
        n = len(article.pieces)
        shift = int(rng.integers(0, max(1, options.window // 2))) if n > options.window else 0
        for start in range(-shift, n, options.window):
            lo, hi = max(0, start), min(n, start + options.window)
            if hi > lo:
                windows.append((index, lo, hi))
    order = rng.permutation(len(windows))
    ordered = [windows[i] for i in order]
    return [ordered[i : i + options.batch_size] for i in range(0, len(ordered), options.batch_size)]


def _inputs(torch, articles: Sequence[Article], group, specials):
    ids, mask = W.batch([articles[a].pieces.ids[s:e] for a, s, e in group], specials)
    labels = numpy.full(ids.shape, W.IGNORE, dtype="int64")
    for row, (a, s, e) in enumerate(group):
        labels[row, 1 : e - s + 1] = articles[a].tags[s:e]
    return torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(labels)


def score_fn(model) -> W.ScoreFn:
    """The model's per-piece logits as a numpy function (inference mode, no dropout)."""
    import torch

    def score(ids: numpy.ndarray, mask: numpy.ndarray) -> numpy.ndarray:
        with torch.inference_mode():
            return model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).logits.numpy()

    return score


def span_scores(articles: Sequence[Article], predicted: Sequence[Sequence[W.CharSpan]]) -> dict[str, Counts]:
    """Exact span match per role (sayso's scorer: trimmed, one set per article)."""
    totals = {role: Counts() for role in ROLES}
    for article, spans in zip(articles, predicted):
        for role in ROLES:
            gold = [getattr(a, role) for a in article.gold]
            mine = [((s, e),) for s, e, label in spans if label == role.upper()]
            totals[role] = totals[role] + exact_counts(article.text, gold, mine)
    return totals


def f1_table(counts: dict[str, Counts]) -> dict[str, float]:
    """F1 per role in percent, two decimals."""
    return {role: round(100 * counts[role].f1, 2) for role in ROLES}


def evaluate(score: W.ScoreFn, articles: Sequence[Article], specials, options: TrainOptions) -> dict[str, Counts]:
    """Decode every article as at run time and score the spans."""
    predicted = [W.decode(a.pieces, score, specials, window=options.window, stride=options.stride)
                 for a in articles]
    return span_scores(articles, predicted)


def _schedule(total: int, warmup: int) -> Callable[[int], float]:
    def factor(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total - step) / max(1, total - warmup))

    return factor


def _save_checkpoint(torch, out: Path, state: dict[str, Any]) -> None:
    partial = out / (CHECKPOINT + ".partial")
    torch.save(state, partial)
    os.replace(partial, out / CHECKPOINT)  # a crash mid-write leaves the previous checkpoint


def _save_best(model, encoder: Path, out: Path, meta: dict[str, Any]) -> None:
    partial = out / (BEST + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    model.save_pretrained(partial)
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
        if (encoder / name).is_file():
            shutil.copy2(encoder / name, partial / name)
    (partial / META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(out / BEST, ignore_errors=True)
    os.replace(partial, out / BEST)


def train_encoder(corpus: Path | str, out: Path | str, *, encoder: str | Path | None = None,
                  options: TrainOptions = TrainOptions(), resume: bool = False,
                  max_minutes: float | None = None, max_steps: int | None = None,
                  report: Report = lambda message: None) -> TrainResult:
    """Fine-tune ``encoder`` on ``corpus/train``, keep the best on ``corpus/dev`` in ``out/best``.

    ``resume`` continues from ``out/last.pt`` with its options; ``max_minutes`` bounds this
    process's wall clock (a checkpoint and a dev evaluation are made before it runs out);
    ``max_steps`` stops after that many updates in all.
    """
    started = time.monotonic()
    torch = _torch()
    from transformers import AutoModelForTokenClassification

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    state = None
    if resume:
        if not (out / CHECKPOINT).is_file():
            raise ConfigError(f"nothing to resume: {out / CHECKPOINT} does not exist; start without --resume")
        state = torch.load(out / CHECKPOINT, weights_only=False)
        saved = state["options"]
        options = TrainOptions(**{**saved, "add_train": tuple(saved.get("add_train", ())),
                                  "hold_out": tuple(saved.get("hold_out", ()))})
        encoder = state["encoder"]
    folder = encoder_dir(encoder)
    torch.set_num_threads(options.threads)
    torch.manual_seed(options.seed)
    random.seed(options.seed)
    numpy.random.seed(options.seed)

    tokenizer = W.load_tokenizer(folder)
    specials = W.special_ids(tokenizer)
    train_set = training_articles(corpus, tokenizer, options)
    dev_set = read_articles(corpus, "dev", tokenizer, options.limit)
    plans = [len(epoch_plan(train_set, e, options)) for e in range(options.epochs)]
    total = sum(plans)
    report(f"encoder {folder}; {len(train_set)} train / {len(dev_set)} dev articles, "
           f"{sum(len(a.pieces) for a in train_set)} train wordpieces; {total} updates in {options.epochs} epochs")

    model = AutoModelForTokenClassification.from_pretrained(
        str(folder), num_labels=len(W.TAGS), id2label=dict(enumerate(W.TAGS)),
        label2id={t: i for i, t in enumerate(W.TAGS)}, local_files_only=True)
    decay = [p for n, p in model.named_parameters() if not any(k in n for k in ("bias", "LayerNorm", "norm"))]
    rest = [p for n, p in model.named_parameters() if any(k in n for k in ("bias", "LayerNorm", "norm"))]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": options.weight_decay},
                                   {"params": rest, "weight_decay": 0.0}], lr=options.learn_rate)
    warmup = max(1, int(options.warmup * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, _schedule(total, warmup))

    epoch = batch_index = step = 0
    best: dict[str, Any] = {"score": -1.0}
    history: list[dict[str, Any]] = []
    if state is not None:
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["rng"]["torch"])
        random.setstate(state["rng"]["python"])
        numpy.random.set_state(state["rng"]["numpy"])
        epoch, batch_index, step = state["epoch"], state["batch"], state["step"]
        best, history = state["best"], state["history"]
        report(f"resumed from {out / CHECKPOINT}: epoch {epoch + 1}, batch {batch_index}, step {step}")

    def checkpoint() -> None:
        _save_checkpoint(torch, out, {
            "model": model.state_dict(), "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
            "rng": {"torch": torch.get_rng_state(), "python": random.getstate(), "numpy": numpy.random.get_state()},
            "epoch": epoch, "batch": batch_index, "step": step, "best": best, "history": history,
            "options": asdict(options), "encoder": str(folder)})

    eval_seconds = 0.0

    def dev_evaluation() -> None:
        nonlocal best, eval_seconds
        tick = time.monotonic()
        model.eval()
        f1 = f1_table(evaluate(score_fn(model), dev_set, specials, options))
        model.train()
        eval_seconds = time.monotonic() - tick
        score = round(sum(f1.values()) / len(f1), 2)
        improved = score > best["score"]
        row = {"step": step, "epoch": round(epoch + batch_index / max(1, plans[min(epoch, len(plans) - 1)]), 2),
               "minutes": round((time.monotonic() - started) / 60, 1), **f1}
        history.append(row)
        report(f"dev  step {step}  epoch {row['epoch']:.2f}  source {f1['source']:.1f}  cue {f1['cue']:.1f}  "
               f"content {f1['content']:.1f}  ({eval_seconds:.0f}s){'  * best' if improved else ''}")
        if improved:
            best = {"score": score, "step": step, "epoch": row["epoch"], **f1}
            _save_best(model, folder, out, {
                "tags": list(W.TAGS), "window": options.window, "stride": options.stride,
                "encoder": folder.parent.name if folder.name == "model" else folder.name,
                "dev_exact_f1": best, "options": asdict(options), "history": history})

    stop = None
    if state is not None and step and batch_index == 0 and (not history or history[-1]["step"] != step):
        dev_evaluation()  # the run stopped between an epoch's end and its evaluation
        checkpoint()
    model.train()
    loss_sum, loss_n, tick = 0.0, 0, time.monotonic()
    while epoch < options.epochs and stop is None:
        batches = epoch_plan(train_set, epoch, options)
        while batch_index < len(batches):
            ids, mask, labels = _inputs(torch, train_set, batches[batch_index], specials)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), options.grad_clip)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            batch_index += 1
            step += 1
            loss_sum, loss_n = loss_sum + loss.item(), loss_n + 1
            if step % 20 == 0:
                rate = loss_n / (time.monotonic() - tick)
                report(f"step {step}/{total}  epoch {epoch + batch_index / len(batches):.2f}  loss {loss_sum / loss_n:.4f}  "
                       f"lr {scheduler.get_last_lr()[0]:.2e}  {rate:.3f} steps/s  "
                       f"{(time.monotonic() - started) / 60:.1f} min")
                loss_sum, loss_n, tick = 0.0, 0, time.monotonic()
            if step % options.checkpoint_every == 0:
                checkpoint()
            elapsed = time.monotonic() - started
            if max_minutes is not None and elapsed + eval_seconds + 60 > 60 * max_minutes:
                stop = "time budget"
            elif max_steps is not None and step >= max_steps:
                stop = "max_steps"
            if stop:
                break
        if stop is None:
            epoch, batch_index = epoch + 1, 0
            checkpoint()  # the epoch is done, whatever happens during its evaluation
        dev_evaluation()
        checkpoint()
    seconds = time.monotonic() - started
    report(f"stopped by {stop or 'epochs'} after {step} updates, {seconds / 60:.1f} min; best {best}")
    return TrainResult(out, best, step, seconds, stop or "epochs", history)
