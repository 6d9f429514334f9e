"""The encoder tagger end to end on a tiny random-initialised BERT and three hand-made brat
articles: training runs and resumes exactly, the export runs in ONNX Runtime as in torch, and
the run-time tagger needs neither torch nor transformers."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy
import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("onnxruntime")

from sayso.cli import main  # noqa: E402
from sayso.errors import ConfigError  # noqa: E402
from sayso.model.encoder import windows as W  # noqa: E402
from sayso.model.encoder.train import TrainOptions, train_encoder, training_articles  # noqa: E402

from .test_train import ARTICLES, write_corpus  # noqa: E402

OPTIONS = TrainOptions(epochs=2, batch_size=2, learn_rate=1e-3, window=12, stride=6, checkpoint_every=2)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def encoder(tmp_path_factory):
    """A two-layer BERT of width 32 with a word-piece vocabulary learnt from the articles."""
    import torch
    from tokenizers.implementations import BertWordPieceTokenizer
    from transformers import BertConfig, BertModel

    folder = tmp_path_factory.mktemp("encoder")
    tokenizer = BertWordPieceTokenizer(lowercase=True)
    tokenizer.train_from_iterator([text for text, _ in ARTICLES.values()], vocab_size=120, min_frequency=1,
                                  special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    tokenizer.save(str(folder / "tokenizer.json"))
    torch.manual_seed(0)
    config = BertConfig(vocab_size=tokenizer.get_vocab_size(), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=300)
    BertModel(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def trained(tmp_path_factory, corpus, encoder):
    out = tmp_path_factory.mktemp("run")
    messages: list[str] = []
    result = train_encoder(corpus, out, encoder=encoder, options=OPTIONS, report=messages.append)
    return result, messages


def _final_weights(folder):
    import torch

    return torch.load(folder / "last.pt", weights_only=False)["model"]


def torch_equal(a, b) -> bool:
    import torch

    return bool(torch.equal(a, b))


def test_training_runs_its_epochs_and_keeps_the_best_on_dev(trained):
    result, messages = trained
    assert result.stopped_by == "epochs" and result.steps > 2
    assert [round(row["epoch"]) for row in result.history] == [1, 2]
    meta = json.loads((result.out / "best" / "sayso.json").read_text())
    assert meta["tags"] == list(W.TAGS) and meta["window"] == 12
    assert meta["dev_exact_f1"]["step"] in {row["step"] for row in result.history}
    assert any("steps" in m or "updates" in m for m in messages)


def test_a_resumed_run_ends_with_the_same_weights(tmp_path, corpus, encoder, trained):
    result, _ = trained
    first = train_encoder(corpus, tmp_path, encoder=encoder, options=OPTIONS, max_steps=3)
    assert first.stopped_by == "max_steps" and (tmp_path / "last.pt").is_file()
    messages: list[str] = []
    resumed = train_encoder(corpus, tmp_path, resume=True, report=messages.append)
    assert any("resumed" in m for m in messages) and resumed.steps == result.steps
    assert [row["step"] for row in resumed.history][-2:] == [row["step"] for row in result.history][-2:]
    mine, theirs = _final_weights(tmp_path), _final_weights(result.out)
    assert mine.keys() == theirs.keys() and all(torch_equal(mine[k], theirs[k]) for k in theirs)


def test_added_folders_train_too_except_the_articles_held_out(tmp_path, corpus, encoder):
    extra = write_corpus(tmp_path / "extra")
    tokenizer = W.load_tokenizer(encoder)
    held = sorted(ARTICLES)[0]
    options = TrainOptions(add_train=(str(extra / "dev"),), hold_out=(held,))
    names = [a.name for a in training_articles(corpus, tokenizer, options)]
    assert names == sorted(ARTICLES) + [n for n in sorted(ARTICLES) if n != held]
    with pytest.raises(ConfigError, match="not a corpus split"):
        training_articles(corpus, tokenizer, TrainOptions(add_train=(str(tmp_path),)))


def test_resume_without_a_checkpoint_is_a_configuration_error(tmp_path, corpus):
    with pytest.raises(ConfigError, match="nothing to resume"):
        train_encoder(corpus, tmp_path, resume=True)


@pytest.fixture(scope="module")
def exported(tmp_path_factory, trained):
    from sayso.model.encoder.export import export

    result, _ = trained
    return export(result.out / "best", tmp_path_factory.mktemp("onnx"))


def test_the_onnx_model_scores_as_the_torch_model(trained, exported):
    import torch
    from transformers import AutoModelForTokenClassification

    from sayso.model.encoder.runtime import EncoderTagger
    from sayso.model.encoder.export import FP32

    result, _ = trained
    model = AutoModelForTokenClassification.from_pretrained(str(result.out / "best")).eval()
    tagger = EncoderTagger(exported.out, FP32)
    article = W.pieces(tagger.tokenizer, ARTICLES["two"][0])
    ids, mask = W.batch([article.ids[:10], article.ids[5:20]], tagger.specials)
    with torch.no_grad():
        expected = model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).logits.numpy()
    assert numpy.allclose(tagger.score(ids, mask), expected, atol=1e-4)
    assert exported.int8_bytes < exported.fp32_bytes


def test_the_run_time_tagger_maps_spans_onto_spacy_tokens(exported):
    import spacy

    from sayso.model.encoder.runtime import load_encoder_tagger

    tagger = load_encoder_tagger(exported.out)
    assert load_encoder_tagger(str(exported.out)) is tagger  # loaded once per process
    doc = spacy.blank("en")(ARTICLES["one"][0] + " " + ARTICLES["three"][0])
    chars = tagger.char_spans(doc.text)
    tokens = tagger.token_spans(doc)
    assert all(0 <= s < e <= len(doc) and label in {"SOURCE", "CUE", "CONTENT"} for s, e, label in tokens)
    assert all(b[0] >= a[1] for a, b in zip(tokens, tokens[1:]))
    expanded = {(span.start, span.end, label) for s, e, label in chars
                if (span := doc.char_span(s, e, alignment_mode="expand")) is not None}
    assert set(tokens) <= expanded and len(tokens) >= min(1, len(chars))


def test_the_run_time_tagger_works_without_torch_and_transformers(exported):
    """Both are made unimportable (spaCy's thinc imports torch whenever it is installed)."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in {'torch', 'transformers'}:\n"
        "            raise ImportError(f'{name} is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from sayso.model.encoder.runtime import EncoderTagger\n"
        f"tagger = EncoderTagger({str(exported.out)!r})\n"
        f"spans = tagger.char_spans({ARTICLES['one'][0]!r})\n"
        "heavy = sorted(m for m in ('torch', 'transformers') if m in sys.modules)\n"
        "print('loaded:', heavy, len(spans) >= 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "loaded: [] True" in done.stdout


def test_cli_trains_exports_and_compares(tmp_path, corpus, encoder):
    from click.testing import CliRunner

    runner = CliRunner()
    run = tmp_path / "run"
    trained = runner.invoke(main, ["train", "polnear", str(corpus), "--out", str(run), "--encoder", str(encoder),
                                   "--max-steps", "2", "--batch-size", "2"])
    assert trained.exit_code == 0, trained.output
    assert "dev exact F1 source" in trained.output and (run / "best" / "model.safetensors").is_file()
    out = runner.invoke(main, ["train", "export", str(run / "best"), "--out", str(tmp_path / "onnx"),
                               "--corpus", str(corpus)])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    table = lines[next(i for i, line in enumerate(lines) if line.startswith("dev exact F1")):]
    assert table[1].startswith("fp32") and table[2].startswith("int8") and table[3].startswith("difference")
    assert all(len(line.split()) == 4 for line in table[1:4])


def test_cli_errors_are_one_line(tmp_path, corpus):
    from click.testing import CliRunner

    runner = CliRunner()
    resumed = runner.invoke(main, ["train", "polnear", str(corpus), "--out", str(tmp_path), "--resume"])
    assert resumed.exit_code == 3 and "nothing to resume" in resumed.output
    missing = runner.invoke(main, ["train", "export", str(tmp_path), "--out", str(tmp_path / "x")])
    assert missing.exit_code == 3 and "config.json" in missing.output
    assert "Traceback" not in resumed.output + missing.output


def test_training_without_the_train_extra_says_how_to_install_it(tmp_path, corpus):
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'torch':\n"
        "            raise ImportError(name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from sayso.cli import main\n"
        f"main(['train', 'polnear', {str(corpus)!r}, '--out', {str(tmp_path)!r}, '--encoder'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr
    assert "sayso[train]" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("engine", ["trained", "hybrid"])
def test_engines_run_on_an_exported_encoder_folder(exported, monkeypatch, engine):
    """An exported folder is a model like the spaCy tagger's: the engines take it from the
    setting and keep the output contract."""
    import sayso
    from sayso.model.loader import kind, load_tagger
    from sayso.model.encoder.runtime import EncoderTagger

    from ..test_contract import check_invariants

    monkeypatch.setenv("SAYSO_ATTRIBUTION_MODEL", str(exported.out))
    assert kind(exported.out) == "encoder" and isinstance(load_tagger(exported.out), EncoderTagger)
    for text, _ in ARTICLES.values():
        check_invariants(sayso.extract(text, engine=engine))
