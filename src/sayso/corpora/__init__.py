"""Gold attribution corpora and the span arithmetic that training and evaluation share.

- :mod:`sayso.corpora.brat` reads brat-standoff corpora laid out like PolNeAR into gold records;
- :mod:`sayso.corpora.spans` trims and compares character spans and counts exact matches;
- :mod:`sayso.corpora.counts` holds the ratios, F1 and summed counts every scorer reports.

It sits below :mod:`sayso.model` (which trains on these corpora and scores its dev split with
these spans) and :mod:`sayso.eval` (which scores every system with them), and imports neither.
"""
