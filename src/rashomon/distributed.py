"""The Ray engine: a corpus's reading, signing and story analysis on a Ray cluster.

The same functions as the local engine (:func:`rashomon.engine.read_units`,
:func:`rashomon.engine.analyse_job`) run as Ray Data tasks: reading and signing one
task per file, analysis on a pool of actors that each load the spaCy pipeline once.
Results stream back in input order (``preserve_order``), and storing and grouping stay
on the calling process, so the stories are those of the local engine.

``address=None`` starts a Ray instance on this machine with ``workers`` CPUs (all of
them by default) and stops it when the engine closes; ``address="auto"`` or
``"ray://head:10001"`` joins a running cluster (see the README: every node needs
rashomon and its model installed, and the input files on a path every node can read).
"""

from __future__ import annotations

import logging
import os
import pickle
import socket
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from .engine import ReadUnit, StoryAnalysis, StoryJob, analyse_job, read_units
from .errors import EngineNotAvailable
from .ingest.fetch import FetchOptions
from .nlp import NLP

# articles sent to the cluster at a time: bounds what sits in its object store
ANALYSIS_WINDOW = 20_000
# stories an actor takes at a time (fewer calls; small enough to keep workers even)
ANALYSIS_BATCH = 8


def _ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401  (Ray Data is what the engine runs on)
    except ImportError as error:
        raise EngineNotAvailable(
            "the Ray engine needs ray[data], which is not installed",
            hint="pip install 'ray[data]' (make venv installs the pinned version)",
        ) from error
    return ray


def _read_batches(batch: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A Ray Data task: each file of the batch read and signed, one output row per
    batch of its articles (a crawl file never whole in memory)."""
    for position, source, fetch, cwd in zip(batch["position"], batch["source"], batch["fetch"],
                                            batch["cwd"]):
        try:  # relative paths as the command was given them (when the folder exists here)
            os.chdir(cwd)
        except OSError:
            pass
        for unit in read_units(str(source), pickle.loads(fetch), signed=True):
            yield {"position": [int(position)], "unit": [pickle.dumps(unit)]}


def _files_of(source: str) -> list[str]:
    """The files a source is read from, each its own task: a folder's files, else the
    source itself (an empty or unreadable folder is read whole, to say so)."""
    from .ingest.sources import folder_files

    try:
        if os.path.isdir(source):
            return [str(f) for f in folder_files(Path(source))] or [source]
    except OSError:
        pass
    return [source]


class _StoryAnalyser:
    """A Ray Data actor: the pipeline loaded once, then one story a call."""

    def __init__(self, formats: list[str], model: str | None) -> None:
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
        self.formats, self.nlp = formats, NLP(model)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, list] = {"position": [], "analysis": []}
        for position, payload in zip(batch["position"], batch["job"]):
            analysis = analyse_job(pickle.loads(payload), self.formats, self.nlp)
            out["position"].append(int(position))
            out["analysis"].append(pickle.dumps(analysis))
        return out


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Raise EngineNotAvailable unless something listens at a ``host:port`` or
    ``ray://host:port`` address (``auto`` and other forms are left to Ray)."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as error:
        raise EngineNotAvailable(
            f"no Ray cluster answers at {address}: {error.strerror or error}",
            hint="start one with `ray start --head` and give its address, or leave out "
                 "--address to start Ray on this machine",
        ) from error


@contextmanager
def _stderr_silenced() -> Iterator[None]:
    """File descriptor 2 sent to /dev/null (C++ code writes there, past ``sys.stderr``)."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _model_name(model: str | None) -> str:
    return NLP(model).name


class RayEngine:
    """Reading, signing and analysis as Ray Data tasks on a cluster."""

    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        ray = _ray()
        self._ray = ray
        self._started = False
        if not ray.is_initialized():
            options: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False,
                                       "include_dashboard": False}
            if address is None:
                options["num_cpus"] = workers or os.cpu_count() or 1
            else:
                _check_reachable(address)  # (Ray itself retries a dead address for minutes)
                options["address"] = address
            # Ray's own C++ log lines on stderr (a warning about actor restarts that
            # Ray Data's actor pools always raise): only fatal ones, our lines say the rest
            os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
            try:
                with _stderr_silenced():  # (where Ray says it set that level)
                    ray.init(**options)
            except (OSError, RuntimeError, ValueError) as error:  # (timeouts, refusals too)
                raise EngineNotAvailable(
                    f"cannot start or reach Ray{f' at {address}' if address else ''}: {error}",
                    hint="check --address (a running cluster's `ray start --head` address, or "
                         "leave it out to start Ray on this machine); a cluster started with "
                         "token authentication needs RAY_AUTH_MODE=token and its token",
                ) from error
            self._started = True
        try:
            self._configure(workers)
        except BaseException:
            self.close()  # (a Ray this engine started is not left running)
            raise

    def _configure(self, workers: int | None) -> None:
        ray = self._ray
        self.workers = workers or max(int(ray.cluster_resources().get("CPU", 1)), 1)
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # the same order, the same stories
        context.enable_progress_bars = False  # (the CLI draws its own)

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()
            self._started = False

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, sources: Sequence[str], fetch: FetchOptions) -> Iterator[ReadUnit]:
        if not sources:
            return
        options, cwd = pickle.dumps(fetch), os.getcwd()
        files = [(k, f) for k, source in enumerate(sources) for f in _files_of(source)]
        last_of_source = {k: j for j, (k, _) in enumerate(files)}
        items = [{"position": j, "source": f, "fetch": options, "cwd": cwd}
                 for j, (_, f) in enumerate(files)]
        # one task a file; the rows come back in order, a row per batch of articles
        dataset = self._ray.data.from_items(items).map_batches(_read_batches, batch_size=1, num_cpus=1)
        for row in dataset.iter_rows():
            unit = pickle.loads(row["unit"])
            j = int(row["position"])
            # (a folder's source is done with its last file, as the local engine counts it)
            done = unit.source_done and last_of_source[files[j][0]] == j
            yield replace(unit, source_done=done) if done != unit.source_done else unit

    def analyse(
        self, jobs: Iterable[StoryJob], formats: Sequence[str], model: str | None,
    ) -> Iterator[StoryAnalysis]:
        for window in _windows(jobs, ANALYSIS_WINDOW):
            items = [{"position": k, "job": pickle.dumps(job)} for k, job in enumerate(window)]
            dataset = self._ray.data.from_items(items).map_batches(
                _StoryAnalyser, fn_constructor_kwargs={"formats": list(formats), "model": model},
                batch_size=ANALYSIS_BATCH, num_cpus=1,
                compute=self._ray.data.ActorPoolStrategy(size=min(self.workers, len(items))),
            )
            for row in dataset.iter_rows():
                yield pickle.loads(row["analysis"])

    def model_name(self, model: str | None) -> str:
        # the name of the pipeline the workers load (a worker has the model installed
        # where the calling process may not)
        return self._ray.get(self._ray.remote(_model_name).remote(model))


def _windows(jobs: Iterable[StoryJob], articles: int) -> Iterator[list[StoryJob]]:
    """The jobs in runs of about ``articles`` articles."""
    window: list[StoryJob] = []
    count = 0
    for job in jobs:
        window.append(job)
        count += len(job.articles)
        if count >= articles:
            yield window
            window, count = [], 0
    if window:
        yield window
