"""Evaluation harness: read a brat attribution corpus, run systems on it, score and report.

``evaluate(corpus_dir, split="dev")`` returns an :class:`EvalReport`;
``format_table`` and ``format_markdown`` render it.
"""
from __future__ import annotations

from sayso.corpora.brat import GoldArticle, GoldAttribution, read_split
from sayso.eval.report import format_markdown, format_table
from sayso.eval.runner import evaluate
from sayso.eval.scoring import Counts, EvalReport, PredictedAttribution, RoleScores, Scores, SystemReport

__all__ = [
    "Counts",
    "EvalReport",
    "GoldArticle",
    "GoldAttribution",
    "PredictedAttribution",
    "RoleScores",
    "Scores",
    "SystemReport",
    "evaluate",
    "format_markdown",
    "format_table",
    "read_split",
]
