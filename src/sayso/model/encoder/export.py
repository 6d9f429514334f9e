"""Export a fine-tuned encoder tagger to ONNX, quantise it to int8, and compare the two on dev.

``export(best, out)`` writes ``out/model.onnx`` (int8 weights, dynamic quantisation: what
sayso ships), ``out/model.fp32.onnx`` (full precision, for comparison), the tokenizer and
``sayso.json``. Needs the ``train`` extra (torch, transformers, onnx) and onnxruntime.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from ...errors import ConfigError
from ...corpora.counts import Counts
from .runtime import META, MODEL, PARTS, EncoderTagger

FP32 = "model.fp32.onnx"
#: The ONNX opset written (17 has LayerNormalization as one op).
OPSET = 17


@dataclass(frozen=True)
class Exported:
    """An exported model folder and its files' sizes in bytes."""

    out: Path
    fp32_bytes: int
    int8_bytes: int


def export(checkpoint: Path | str, out: Path | str, *, opset: int = OPSET) -> Exported:
    """ONNX fp32 and int8 models of the Hugging Face token classifier in ``checkpoint`` (a
    ``best`` folder of ``sayso train polnear --encoder``), with its tokenizer and meta."""
    from .train import _torch

    torch = _torch()
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModelForTokenClassification

    checkpoint, out = Path(checkpoint), Path(out)
    for needed in ("config.json", "tokenizer.json", META):
        if not (checkpoint / needed).is_file():
            raise ConfigError(f"{checkpoint} has no {needed}; pass the best/ folder a training run wrote")
    out.mkdir(parents=True, exist_ok=True)
    model = AutoModelForTokenClassification.from_pretrained(str(checkpoint), local_files_only=True)
    model.eval()
    model.config.return_dict = False

    class Logits(torch.nn.Module):  # type: ignore[name-defined]
        """The classifier with two inputs and one output, as ONNX Runtime will call it."""

        def __init__(self, inner) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask)[0]

    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    fp32 = out / FP32
    with torch.no_grad():
        torch.onnx.export(Logits(model), (ids, mask), str(fp32), dynamo=False, opset_version=opset,
                          input_names=["input_ids", "attention_mask"], output_names=["logits"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "pieces"},
                                        "attention_mask": {0: "batch", 1: "pieces"},
                                        "logits": {0: "batch", 1: "pieces"}})
    quantize_dynamic(str(fp32), str(out / MODEL), weight_type=QuantType.QInt8, per_channel=True)
    shutil.copy2(checkpoint / "tokenizer.json", out / "tokenizer.json")
    meta = json.loads((checkpoint / META).read_text(encoding="utf-8"))
    meta.update({"onnx_opset": opset, "quantisation": "dynamic int8, per channel (onnxruntime quantize_dynamic, QInt8)"})
    (out / META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return Exported(out, fp32.stat().st_size, (out / MODEL).stat().st_size)


def compare(folder: Path | str, corpus: Path | str, split: str = "dev",
            limit: int | None = None) -> dict[str, dict[str, Counts]]:
    """Exact span scores of the fp32 and the int8 model of an exported folder on a split."""
    from .train import read_articles, span_scores

    folder = Path(folder)
    results = {}
    for name, model in (("fp32", FP32), ("int8", MODEL)):
        tagger = EncoderTagger(folder, model, threads=1, parts=PARTS)  # scored as at run time
        articles = read_articles(corpus, split, tagger.tokenizer, limit)
        predicted = [tagger.decode(a.pieces) for a in articles]
        results[name] = span_scores(articles, predicted)
    return results
