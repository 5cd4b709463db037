"""Engines that run the candidate query: DuckDB (embedded, the default) and Apache Spark (optional).

Both take the same table of entries and the same :class:`~conflictlab.match.sql.CandidateQuery` objects and
return the same pandas DataFrame (columns of :func:`~conflictlab.match.sql.candidate_columns`, sorted). They
are imported lazily: DuckDB comes with ``pip install "conflictlab[match]"``, Spark with
``pip install "conflictlab[spark]"`` (and a Java runtime).

Examples
--------
>>> get_engine("duckdb").name
'duckdb'
>>> get_engine("oracle")
Traceback (most recent call last):
...
ValueError: engine must be 'duckdb', 'spark' or an Engine, not 'oracle'
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import numpy as np
import pandas as pd

from .._optional import require
from .sql import DUCKDB, SPARK, CandidateQuery, candidate_columns

__all__ = ["Engine", "DuckDBEngine", "SparkEngine", "get_engine", "tidy_candidates"]


class Engine(Protocol):
    """What :func:`conflictlab.match.match` needs from an engine."""

    name: str

    def candidates(self, entries: pd.DataFrame, queries: Sequence[CandidateQuery], n_taxonomies: int,
                   progress: Any = None) -> pd.DataFrame:
        """Run ``queries`` over ``entries`` and return their rows, concatenated (see :func:`tidy_candidates`)."""
        ...


def tidy_candidates(parts: Iterable[pd.DataFrame], n_taxonomies: int) -> pd.DataFrame:
    """Concatenate query results with fixed dtypes, sorted by ``(eid_a, eid_b)``.

    ``lvl_k`` is int8 with -1 for "no agreement"; ``distance_km`` is rounded to the micrometre so that
    one-ulp differences between the engines' trigonometric functions do not leak into tie-breaking.
    """
    cols = candidate_columns(n_taxonomies)
    parts = [p for p in parts if len(p)]
    if not parts:
        out = pd.DataFrame({c: np.array([], dtype="float64" if c in ("distance_km", "score") else "int64")
                            for c in cols})
    else:
        out = pd.concat([p[cols] for p in parts], ignore_index=True)
    typed = {"eid_a": "int64", "eid_b": "int64", "relation": "int8", "d_lo": "int64", "d_hi": "int64"}
    res = {}
    for c in cols:
        if c in typed:
            res[c] = out[c].to_numpy(dtype=typed[c])
        elif c.startswith("lvl_"):
            res[c] = pd.to_numeric(out[c]).to_numpy(dtype="float64", na_value=np.nan)
            res[c] = np.where(np.isnan(res[c]), -1, res[c]).astype("int8")
        else:
            res[c] = out[c].to_numpy(dtype="float64")
    res["distance_km"] = np.round(res["distance_km"], 9)
    res["score"] = np.round(res["score"], 12)
    frame = pd.DataFrame(res)
    order = np.lexsort((frame["eid_b"].to_numpy(), frame["eid_a"].to_numpy()))
    return frame.take(order).reset_index(drop=True)


class DuckDBEngine:
    """Run the candidate query in an embedded DuckDB database (in memory).

    Parameters
    ----------
    threads : int, optional
        DuckDB worker threads (default: DuckDB's choice, all cores).
    memory_limit : str, optional
        e.g. ``"4GB"``; DuckDB spills to disk beyond it.
    """

    name = "duckdb"

    def __init__(self, threads: int | None = None, memory_limit: str | None = None):
        self.threads, self.memory_limit = threads, memory_limit

    def candidates(self, entries: pd.DataFrame, queries: Sequence[CandidateQuery], n_taxonomies: int,
                   progress: Any = None) -> pd.DataFrame:
        """See :class:`Engine`."""
        duckdb = require("duckdb", "match")
        pa = require("pyarrow", "match")
        con = duckdb.connect(":memory:")
        try:
            if self.threads:
                con.execute(f"SET threads = {int(self.threads)}")
            if self.memory_limit:
                con.execute(f"SET memory_limit = '{self.memory_limit}'")
            con.register("entries", pa.Table.from_pandas(entries, preserve_index=False))
            parts = []
            for q in queries:
                rel = con.sql(q.render(DUCKDB))
                # duckdb >= 1.4 names it to_arrow_table; older versions .arrow() (a Table there)
                fetch = getattr(rel, "to_arrow_table", None) or rel.arrow
                parts.append(fetch().to_pandas())
                if progress is not None:
                    progress.update(1)
        finally:
            con.close()
        return tidy_candidates(parts, n_taxonomies)


class SparkEngine:
    """Run the same candidate query with Spark SQL.

    Parameters
    ----------
    spark : SparkSession, optional
        A session to use; default: one in local mode (``local[*]``), created on first use and kept.
    """

    name = "spark"
    _own_session: Any = None

    def __init__(self, spark: Any = None):
        self.spark = spark

    def session(self) -> Any:
        """Return the Spark session (creating a local one when none was given)."""
        if self.spark is not None:
            return self.spark
        if SparkEngine._own_session is None:
            sql = require("pyspark.sql", "spark")
            SparkEngine._own_session = (
                sql.SparkSession.builder.master("local[*]").appName("conflictlab.match")
                .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate())
        return SparkEngine._own_session

    def candidates(self, entries: pd.DataFrame, queries: Sequence[CandidateQuery], n_taxonomies: int,
                   progress: Any = None) -> pd.DataFrame:
        """See :class:`Engine`."""
        spark = self.session()
        with warnings.catch_warnings():
            # pyspark warns that it "does not yet fully support pandas >= 3"; the two tables crossing the
            # boundary here are plain numbers (checked equal to DuckDB's results by the tests)
            warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas",
                                    category=FutureWarning)
            warnings.filterwarnings("ignore", message="The copy keyword is deprecated", module=r"pyspark\.")
            spark.createDataFrame(entries).createOrReplaceTempView("entries")
            parts = []
            for q in queries:
                parts.append(spark.sql(q.render(SPARK)).toPandas())
                if progress is not None:
                    progress.update(1)
        spark.catalog.dropTempView("entries")
        return tidy_candidates(parts, n_taxonomies)


def get_engine(engine: str | Engine) -> Engine:
    """Return the engine named ``engine`` (``"duckdb"`` or ``"spark"``), or ``engine`` itself."""
    if isinstance(engine, str):
        if engine == "duckdb":
            return DuckDBEngine()
        if engine == "spark":
            return SparkEngine()
        raise ValueError(f"engine must be 'duckdb', 'spark' or an Engine, not {engine!r}")
    if not hasattr(engine, "candidates"):
        raise TypeError(f"engine {engine!r} has no candidates() method")
    return engine
