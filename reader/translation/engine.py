"""Translate sentences with an installed Argos package, straight through CTranslate2.

An Argos package folder holds ``model/`` (a CTranslate2 model), ``sentencepiece.model`` and
``metadata.json``. :class:`TranslationEngine` loads the first two itself instead of going
through ``argostranslate.translate``, which would pull in Argos's sentence splitter (it
downloads a MiniSBD model on first use) and re-split sentences Dari has already split.
Nothing here touches the network or imports ``argostranslate``.

Decoding matches ``argostranslate.translate.apply_packaged_translation`` (argos-translate-lt
1.12.1) except where noted:

- SentencePiece pieces in, pieces out; beam size 4 (Argos: ``max(num_hypotheses,
  ARGOS_BEAM_SIZE=4)``), one hypothesis, length penalty 0.2, ``replace_unknowns=True``, the
  package's ``target_prefix`` (multilingual packages) forced and stripped again.
- Output: ``decode_pieces`` then "▁" → space (a piece copied by ``replace_unknowns`` keeps its
  "▁"), stripped. Argos also turns every "_" into a space, which mangles ``snake_case``
  and URLs in the source text; Dari does not.
- Batching (the speed-up): Argos translates one paragraph at a time with
  ``max_batch_size=32, batch_type="tokens"`` -- about one sentence per batch -- on one model
  replica. Dari sends whole batches of sentences (default 32, split across
  ``inter_threads=2`` replicas of one intra-op thread each, which measured faster on two cores
  than one replica with two threads) and keeps the next batch queued so neither replica waits.
  The first batch is small (2 sentences) so the first translation shows up quickly.
- ``compute_type="int8"`` when the CPU supports it (Argos packages ship int8 weights; Argos's
  ``auto`` loads them the same way), else CTranslate2's default.
- Long inputs: a sentence of more than ``MAX_INPUT_TOKENS`` (200) pieces -- far beyond what
  the models were trained on; CTranslate2 itself would silently cut at 1024 -- is split at a
  piece ending in , ; : or else at a word start, and the parts' translations are joined with
  a space. The decoding length is capped at ``2 * longest input + 16`` pieces (at most 256,
  CTranslate2's and hence Argos's default): this never binds on a real translation but stops
  a degenerate, repeating hypothesis from holding its whole batch for 256 steps.

Threads: one engine may be used from one worker thread at a time (loading is locked, so
``load()`` may race with a translation, but two translations must not run concurrently).
A cancelled stream returns at once; sub-batches already handed to CTranslate2 (at most two
batches) cannot be aborted and finish in the background, discarded.
Loading is lazy (first translation or ``load()``): about 0.1 s and 40 MB for a real package.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.translation.archive import package_name, parse_metadata

__all__ = ["EngineError", "ModelInfo", "TranslationEngine"]

BEAM_SIZE = 4
LENGTH_PENALTY = 0.2
MAX_INPUT_TOKENS = 200
MAX_DECODING_LENGTH = 256
FIRST_BATCH = 2
BATCH_SIZE = 32
_POLL_SECONDS = 0.02  # how often a waiting stream looks at ``cancelled()``
_PUNCTUATION_END = (",", ";", ":", "，", "、", "；", "：")


class EngineError(Exception):
    """The package cannot be loaded or the model failed; the message is for the user."""


def _never() -> bool:
    return False


@dataclass(frozen=True)
class ModelInfo:
    from_code: str
    to_code: str
    version: str
    name: str  # "translate-en_ko 1.1": the model key of machine translations
    path: Path
    target_prefix: str = ""

    @classmethod
    def from_package_dir(cls, path: Path) -> ModelInfo:
        try:
            raw = (path / "metadata.json").read_bytes()
            from_code, to_code, version, metadata = parse_metadata(raw)
        except OSError as error:
            raise EngineError(
                f"{path.name}: cannot read metadata.json ({error.strerror})"
            ) from None
        except ValueError as error:
            raise EngineError(f"{path.name} is not a usable translation package: {error}") from None
        prefix = metadata.get("target_prefix", "")
        return cls(
            from_code=from_code,
            to_code=to_code,
            version=version,
            name=package_name(from_code, to_code, version),
            path=path,
            target_prefix=prefix if isinstance(prefix, str) else "",
        )


class TranslationEngine:
    """One installed package, loaded on first use. See the module docstring."""

    def __init__(
        self,
        package_dir: Path | ModelInfo,
        *,
        compute_type: str | None = None,
        inter_threads: int = 2,
        intra_threads: int = 1,
        beam_size: int = BEAM_SIZE,
    ) -> None:
        self.info = (
            package_dir
            if isinstance(package_dir, ModelInfo)
            else ModelInfo.from_package_dir(package_dir)
        )
        self._compute_type = compute_type
        self._inter_threads = max(1, inter_threads)
        self._intra_threads = max(0, intra_threads)
        self._beam_size = beam_size
        self._lock = threading.Lock()
        self._translator: Any = None
        self._tokenizer: Any = None

    # -- loading --------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._translator is not None

    def load(self) -> None:
        """Load the model now (it is otherwise loaded by the first translation)."""
        self._load()

    def close(self) -> None:
        """Drop the model, e.g. before its package is removed; the next use reloads it."""
        with self._lock:
            self._translator = None
            self._tokenizer = None

    def _load(self) -> tuple[Any, Any]:
        with self._lock:
            if self._translator is None:
                import ctranslate2
                import sentencepiece

                path = self.info.path
                compute_type = self._compute_type
                if compute_type is None:
                    supported = ctranslate2.get_supported_compute_types("cpu")
                    compute_type = "int8" if "int8" in supported else "default"
                try:
                    tokenizer = sentencepiece.SentencePieceProcessor(
                        model_file=str(path / "sentencepiece.model")
                    )
                    translator = ctranslate2.Translator(
                        str(path / "model"),
                        device="cpu",
                        compute_type=compute_type,
                        inter_threads=self._inter_threads,
                        intra_threads=self._intra_threads,
                    )
                except (OSError, RuntimeError, ValueError) as error:
                    raise EngineError(f"cannot load {self.info.name}: {error}") from error
                self._tokenizer, self._translator = tokenizer, translator
            return self._translator, self._tokenizer

    # -- translating ----------------------------------------------------------------------
    def translate(self, sentences: Sequence[str]) -> list[str]:
        """One translation per sentence ("" for a blank one)."""
        results = [""] * len(sentences)
        for index, text in self.translate_stream(sentences, first_batch=BATCH_SIZE):
            results[index] = text
        return results

    def translate_stream(
        self,
        sentences: Sequence[str],
        *,
        cancelled: Callable[[], bool] = _never,
        first_batch: int = FIRST_BATCH,
        batch_size: int = BATCH_SIZE,
    ) -> Iterator[tuple[int, str]]:
        """Yield ``(index, translation)`` for every sentence, in index order, batch by batch.

        Stops (without yielding the rest) as soon as ``cancelled()`` is true: it is asked
        before each sentence is yielded and every few milliseconds while waiting for a batch.
        """
        if not sentences or cancelled():
            return
        if not any(text.strip() for text in sentences):
            yield from ((index, "") for index in range(len(sentences)))
            return
        translator, tokenizer = self._load()
        batches = _batch_bounds(len(sentences), max(1, first_batch), max(1, batch_size))
        pending: deque[list[tuple[int, list[Any]]]] = deque()
        submitted = 0
        while True:
            # Keep two batches with CTranslate2: the one we wait for and the next one, so a
            # replica that finishes early has work while we decode and yield.
            while submitted < len(batches) and len(pending) < 2:
                start, stop = batches[submitted]
                pending.append(self._submit(translator, tokenizer, sentences, start, stop))
                submitted += 1
            if not pending:
                return
            for index, results in pending.popleft():
                pieces: list[list[str]] = []
                for result in results:
                    while not result.done():
                        if cancelled():
                            return
                        time.sleep(_POLL_SECONDS)
                    pieces.append(_hypothesis(result))
                if cancelled():
                    return
                yield index, self._decode(tokenizer, pieces)

    def _submit(
        self, translator: Any, tokenizer: Any, sentences: Sequence[str], start: int, stop: int
    ) -> list[tuple[int, list[Any]]]:
        """Hand sentences ``start:stop`` to CTranslate2; return each one's async results."""
        owners: list[int] = []
        inputs: list[list[str]] = []
        for index in range(start, stop):
            text = " ".join(sentences[index].split())
            for part in _split_long(tokenizer.encode(text, out_type=str) if text else []):
                owners.append(index)
                inputs.append(part)
        results: dict[int, list[Any]] = {index: [] for index in range(start, stop)}
        if inputs:
            prefix = self.info.target_prefix
            longest = max(len(tokens) for tokens in inputs)
            try:
                futures = translator.translate_batch(
                    inputs,
                    target_prefix=[[prefix]] * len(inputs) if prefix else None,
                    max_batch_size=math.ceil(len(inputs) / self._inter_threads),
                    batch_type="examples",
                    asynchronous=True,
                    beam_size=self._beam_size,
                    num_hypotheses=1,
                    length_penalty=LENGTH_PENALTY,
                    replace_unknowns=True,
                    max_decoding_length=min(MAX_DECODING_LENGTH, 2 * longest + 16),
                )
            except (RuntimeError, ValueError) as error:
                raise EngineError(f"{self.info.name} failed: {error}") from error
            for owner, future in zip(owners, futures, strict=True):
                results[owner].append(future)
        return list(results.items())

    def _decode(self, tokenizer: Any, parts: list[list[str]]) -> str:
        prefix = self.info.target_prefix
        texts = []
        for tokens in parts:
            if prefix and tokens and tokens[0] == prefix:
                tokens = tokens[1:]
            texts.append(tokenizer.decode_pieces(tokens).replace("▁", " ").strip())
        return " ".join(text for text in texts if text)


def _hypothesis(result: Any) -> list[str]:
    try:
        hypotheses = result.result().hypotheses
    except RuntimeError as error:
        raise EngineError(f"translation failed: {error}") from error
    return list(hypotheses[0]) if hypotheses else []


def _batch_bounds(count: int, first: int, size: int) -> list[tuple[int, int]]:
    bounds = [(0, min(first, count))]
    while bounds[-1][1] < count:
        start = bounds[-1][1]
        bounds.append((start, min(start + size, count)))
    return bounds


def _split_long(tokens: list[str], limit: int = MAX_INPUT_TOKENS) -> list[list[str]]:
    """Cut a too-long piece sequence after punctuation, else before a word, else anywhere."""
    parts: list[list[str]] = []
    while len(tokens) > limit:
        window = range(limit, limit // 2, -1)  # cut before tokens[cut]
        cut = next((c for c in window if tokens[c - 1].endswith(_PUNCTUATION_END)), None)
        if cut is None:
            cut = next((c for c in window if tokens[c].startswith("▁")), limit)
        parts.append(tokens[:cut])
        tokens = tokens[cut:]
    if tokens:
        parts.append(tokens)
    return parts
