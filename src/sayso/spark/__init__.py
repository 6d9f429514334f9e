"""sayso on Apache Spark (``pip install "sayso[spark]"``): the same readers, engine and store
tables, run over collections too big for one machine, written as Parquet.

- :mod:`sayso.spark.job`: the Spark job (``sayso spark run``, or spark-submit on its file).
- :mod:`sayso.spark.tables`: the pure-Python part run inside each partition (no pyspark import).
- :mod:`sayso.spark.load`: ``sayso load DIR``: a Spark output into the SQLite store.

Importing this package does not import pyspark; see docs/spark.md.
"""
from __future__ import annotations

from .load import load

__all__ = ["load"]
