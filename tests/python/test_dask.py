"""The Dask recipes of docs/dask.md on a real multi-process cluster, and under fork.

A ``dask.distributed.LocalCluster`` with two worker processes (one thread each) summarizes
200 CNN/DailyMail and 200 BBC articles; every result must equal a local
``summarize_batch``. Objects cross process boundaries by pickle, so this also proves that
salience's functions, ``Summarizer`` and ``Summary`` pickle.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import salience

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

N = 3


@pytest.fixture(scope="module")
def news(eval_dir):
    docs = []
    for name in ("cnndm_250.jsonl", "bbc_news_2225.jsonl"):
        with open(eval_dir / "summarization" / name, encoding="utf-8") as f:
            for line, _ in zip(f, range(200), strict=False):
                docs.append(json.loads(line)["text"])
    assert len(docs) == 400
    return docs


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        worker_dashboard_address=None,
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def test_bag_map_partitions_with_summarize_batch(client, news):
    bag = db.from_sequence(news, npartitions=8)
    got = bag.map_partitions(salience.summarize_batch, N).compute()
    assert got == salience.summarize_batch(news, N)
    # It really ran in the worker processes.
    assert len(client.scheduler_info()["workers"]) == 2


def test_bag_with_a_configured_summarizer_and_lazy_partitions(client, news):
    summarizer = salience.Summarizer(language="en", position_weight=0.5)
    records = db.from_sequence([{"id": i, "text": t} for i, t in enumerate(news)], npartitions=6)

    def summarize_partition(texts):
        # A partition may be a lazy iterator: make it a list for the batch.
        return summarizer.summarize_batch(list(texts), N)

    got = records.pluck("text").map_partitions(summarize_partition).compute()
    assert got == summarizer.summarize_batch(news, N)


def test_futures_carry_summaries_back(client, news):
    futures = client.map(salience.explain, news[:20], n=2, position_weight=0.0)
    summaries = client.gather(futures)
    for summary, text in zip(summaries, news, strict=False):
        assert summary.summary == salience.Summarizer(position_weight=0.0).summarize(text, 2)
        assert summary.text == text


def test_dataframe_map_partitions(client, news):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")  # needs pyarrow too
    frame = pd.DataFrame({"id": range(len(news)), "text": news})
    ddf = dd.from_pandas(frame, npartitions=4)

    def summarize_frame(df):
        summaries = salience.summarize_batch(df["text"].tolist(), N)
        return df.assign(summary=pd.Series(["\n".join(s) for s in summaries], index=df.index))

    meta = {**ddf.dtypes.to_dict(), "summary": "string"}
    out = ddf.map_partitions(summarize_frame, meta=meta).compute().sort_values("id")
    assert out["summary"].tolist() == ["\n".join(s) for s in salience.summarize_batch(news, N)]


CHILD = textwrap.dedent(
    """
    import json, sys
    import dask, dask.bag as db
    import salience

    docs = json.loads(sys.stdin.read())
    expected = salience.summarize_batch(docs, 3)  # the pool is started before the fork
    with dask.config.set({"scheduler": "processes", "multiprocessing.context": "fork"}):
        got = db.from_sequence(docs, npartitions=4).map_partitions(
            salience.summarize_batch, 3
        ).compute(num_workers=2)
    print("equal" if got == expected else "different")
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_dask_processes_scheduler_with_fork(news):
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps(news[:80]),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "equal"
