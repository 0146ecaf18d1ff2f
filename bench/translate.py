"""Translation speed: Dari's TranslationEngine vs argostranslate's own translate().

Usage: python bench/translate.py [--rebuild] [--cache DIR] [--inter N --intra N --batch N ...]

The real English→Korean package cannot be downloaded here, so this builds a synthetic one of
the same shape (cached; about ten seconds the first time): a Transformer with 6+6 layers,
d_model 512, 8 heads, FFN 2048, int8 weights, and a 32,000-piece SentencePiece model trained
on generated English-like and Hangul text. The weights are random, except that the decoder's
position table and the output rows of two pieces pin every translation to exactly ``PINNED``
pieces followed by ``</s>``: both sides then run the same number of decoding steps for every
sentence, whatever the beam search would otherwise do with random weights. The values of the
weights do not change how much work CTranslate2 does per step.

One run translates the same 60-sentence article (12 paragraphs) twice, each in its own fresh
process so that peak RSS is measured per side:

- dari: ``TranslationEngine.translate_stream`` on the unpacked package folder (model loaded
  first; the time to the first sentence is measured from the start of the stream);
- argos: the package is installed with ``argostranslate.package.install_from_path`` into a
  temporary ``ARGOS_PACKAGES_DIR``; Argos's translator for it is loaded by a warm-up call;
  then ``argostranslate.translate.translate(article, "en", "ko")`` is timed. Argos's default
  sentence splitter (MiniSBD) would download a model, so it is swapped for an offline regex
  splitter that cuts after . ! ? -- it returns exactly Dari's 60 sentences.

Both sides use beam size 4 (Argos's default) and CTranslate2's int8 weights; everything
else is each side's own default. Both child processes refuse any network connection.
Prints the figures and, on a line of its own, ``ratio: N.N`` (Argos time / Dari time).
Targets: ratio >= 8, first sentence <= 0.8 s, peak RSS <= 700 MB.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

CACHE_VERSION = 2
LAYERS, D_MODEL, HEADS, FFN, VOCAB = 6, 512, 8, 2048, 32_000
PINNED = 36  # pieces in every translation
PARAGRAPHS, SENTENCES_PER_PARAGRAPH = 12, 5
FOLDER = "translate-en_ko-1_0"
SPLIT = re.compile(r"(?<=[.!?])\s+")


# -- the synthetic package --------------------------------------------------------------------
class _Words:
    """English-like and Hangul pseudo-words with Zipf frequencies (always the same words;
    ``seed`` only picks which of them are drawn)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(7)
        choice = self.rng.choice
        onsets = "b c d f g h j k l m n p r s t v w y z bl br ch cl cr dr fl fr gl gr pl pr sh st"
        vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "oo", "ou", "ie"]
        codas = ["", "", "n", "r", "s", "t", "l", "m", "nd", "ng", "st", "ck", "rt", "ss"]
        self.en = sorted(
            {
                "".join(
                    choice(onsets.split()) + choice(vowels) + choice(codas)
                    for _ in range(choice((1, 1, 2, 2, 2, 3, 3, 4)))
                )
                for _ in range(40_000)
            }
        )
        def hangul_word() -> str:
            syllables = range(choice((1, 2, 2, 3, 4)))
            return "".join(chr(0xAC00 + self.rng.randrange(11_172)) for _ in syllables)

        self.ko = sorted({hangul_word() for _ in range(30_000)})
        self.rng.shuffle(self.en)
        self.rng.shuffle(self.ko)
        self.en_cum = list(itertools.accumulate(1 / (i + 1) ** 0.9 for i in range(len(self.en))))
        self.ko_cum = list(itertools.accumulate(1 / (i + 1) ** 0.9 for i in range(len(self.ko))))
        self.rng = random.Random(seed)

    def english(self, count: int) -> str:
        words = self.rng.choices(self.en, cum_weights=self.en_cum, k=count)
        return " ".join(words).capitalize()

    def korean(self, count: int) -> str:
        return " ".join(self.rng.choices(self.ko, cum_weights=self.ko_cum, k=count))


def build_package(cache: Path) -> tuple[Path, Path]:
    """The cached package: (unpacked folder, .argosmodel archive)."""
    import ctranslate2.specs.transformer_spec as ts
    import numpy as np
    import sentencepiece as spm

    root = cache / f"v{CACHE_VERSION}"
    folder, archive = root / FOLDER, root / f"{FOLDER}.argosmodel"
    if archive.exists() and (folder / "model" / "model.bin").exists():
        return folder, archive
    for old in cache.glob("v[0-9]*"):  # this version, half built, or older ones
        shutil.rmtree(old, ignore_errors=True)
    (folder / "model").mkdir(parents=True)
    print("building the synthetic package (cached for later runs)...", flush=True)

    words = _Words(seed=7)
    corpus = []
    for _ in range(30_000):
        corpus.append(words.english(words.rng.randint(8, 28)) + ".")
        corpus.append(words.korean(words.rng.randint(6, 18)) + ".")
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus),
        model_writer=model,
        vocab_size=VOCAB,
        model_type="unigram",
        character_coverage=0.9995,
        num_threads=os.cpu_count() or 1,
        minloglevel=2,
    )
    (folder / "sentencepiece.model").write_bytes(model.getvalue())
    sp = spm.SentencePieceProcessor(model_proto=model.getvalue())
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]

    rng = np.random.default_rng(11)

    def linear(rows: int, cols: int) -> np.ndarray:
        return rng.normal(0.0, cols**-0.5, (rows, cols)).astype(np.float32)

    def norm(spec: Any) -> None:
        spec.gamma = np.ones(D_MODEL, np.float32)
        spec.beta = np.zeros(D_MODEL, np.float32)

    spec = ts.TransformerSpec.from_config(LAYERS, HEADS)
    spec.encoder.embeddings[0].weight = linear(VOCAB, D_MODEL)
    spec.decoder.embeddings.weight = linear(VOCAB, D_MODEL)
    for layer in [*spec.encoder.layer, *spec.decoder.layer]:
        cross = [layer.attention] if hasattr(layer, "attention") else []
        for attention in [layer.self_attention, *cross]:
            norm(attention.layer_norm)
            if attention is layer.self_attention:
                attention.linear[0].weight = linear(3 * D_MODEL, D_MODEL)
                attention.linear[1].weight = linear(D_MODEL, D_MODEL)
            else:
                attention.linear[0].weight = linear(D_MODEL, D_MODEL)
                attention.linear[1].weight = linear(2 * D_MODEL, D_MODEL)
                attention.linear[2].weight = linear(D_MODEL, D_MODEL)
            for linear_spec in attention.linear:
                linear_spec.bias = np.zeros(linear_spec.weight.shape[0], np.float32)
        norm(layer.ffn.layer_norm)
        layer.ffn.linear_0.weight = linear(FFN, D_MODEL)
        layer.ffn.linear_0.bias = np.zeros(FFN, np.float32)
        layer.ffn.linear_1.weight = linear(D_MODEL, FFN)
        layer.ffn.linear_1.bias = np.zeros(D_MODEL, np.float32)
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)

    # The pin: sinusoidal positions (as OpenNMT-py) plus two dimensions that dominate the
    # decoder's final layer norm: before step PINNED they say "the word piece", from then on
    # "</s>". Only the output rows of those two pieces read them.
    positions = np.arange(1100)[:, None]
    rates = np.exp(-np.log(10_000.0) * np.arange(0, D_MODEL, 2) / D_MODEL)
    table = np.zeros((1100, D_MODEL), np.float32)
    table[:, 0::2], table[:, 1::2] = np.sin(positions * rates), np.cos(positions * rates)
    eos_dim, word_dim = D_MODEL - 2, D_MODEL - 1
    table[:, eos_dim] = np.where(positions[:, 0] < PINNED, -100.0, 100.0)
    table[:, word_dim] = -table[:, eos_dim]
    spec.decoder.position_encodings.encodings = table
    projection = linear(VOCAB, D_MODEL)
    word = next(i for i, p in enumerate(vocab) if p.startswith("▁") and p[1:].isalpha())
    for row, dim in ((sp.piece_to_id("</s>"), eos_dim), (word, word_dim)):
        projection[row] = 0.0
        projection[row, dim] = 4.0
    spec.decoder.projection.weight = projection
    spec.decoder.projection.bias = np.zeros(VOCAB, np.float32)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization="int8")
    spec.save(str(folder / "model"))

    metadata = {
        "package_version": "1.0",
        "argos_version": "1.0",
        "from_code": "en",
        "from_name": "English",
        "to_code": "ko",
        "to_name": "Korean",
        "type": "translate",
        "links": [],
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    partial = archive.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, path.relative_to(root).as_posix())
    partial.replace(archive)
    return folder, archive


def make_article() -> list[list[str]]:
    words = _Words(seed=3)
    return [
        [words.english(words.rng.randint(9, 26)) + "." for _ in range(SENTENCES_PER_PARAGRAPH)]
        for _ in range(PARAGRAPHS)
    ]


# -- the two sides, each in a child process ---------------------------------------------------
def _no_network() -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("bench/translate.py: network access is not allowed")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign,assignment]
    socket.create_connection = refuse  # type: ignore[assignment]


def _peak_rss_mb() -> float:
    """This process's peak resident set size. On Linux VmHWM, not ``ru_maxrss``: the latter
    carries over the parent's peak across fork+exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import psutil

    info = psutil.Process().memory_info()
    peak = getattr(info, "peak_wset", None)  # Windows
    if peak is None:  # macOS: ru_maxrss is in bytes there
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return float(peak) / 2**20


def child_dari(args: argparse.Namespace) -> dict[str, Any]:
    from reader.translation.engine import TranslationEngine

    sentences = [s for p in json.loads(Path(args.article).read_text("utf-8")) for s in p]
    engine = TranslationEngine(
        Path(args.package),
        inter_threads=args.inter,
        intra_threads=args.intra,
        compute_type=args.compute,
        beam_size=args.beam,
    )
    start = time.perf_counter()
    engine.load()
    load = time.perf_counter() - start
    outputs: list[str] = [""] * len(sentences)
    first = None
    start = time.perf_counter()
    stream = engine.translate_stream(sentences, first_batch=args.first, batch_size=args.batch)
    for index, text in stream:
        if first is None:
            first = time.perf_counter() - start
        outputs[index] = text
    wall = time.perf_counter() - start
    return {"load": load, "first": first, "wall": wall, "rss": _peak_rss_mb(), "outputs": outputs}


def child_argos(args: argparse.Namespace) -> dict[str, Any]:
    home = Path(args.home)
    for var in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(home / var.lower())
    os.environ["ARGOS_BEAM_SIZE"] = str(args.beam)
    for setting in args.argos_setting or []:
        name, _, value = setting.partition("=")
        os.environ[name] = value
    import argostranslate.package as package
    import argostranslate.sbd as sbd
    import argostranslate.settings as settings
    import argostranslate.translate as translate

    class OfflineSplitter(sbd.ISentenceBoundaryDetectionModel):
        def __init__(self, pkg: Any) -> None:
            self.pkg = pkg

        def split_sentences(self, text: str) -> list[str]:
            return [s for s in SPLIT.split(text) if s]

    translate.MiniSBDSentencizer = OfflineSplitter
    package.install_from_path(Path(args.package))
    translation = translate.get_translation_from_codes("en", "ko")
    pkg = translation.underlying.pkg
    start = time.perf_counter()
    translation.translate("Warm up.")  # Argos loads its CTranslate2 translator on first use
    load = time.perf_counter() - start

    paragraphs = json.loads(Path(args.article).read_text("utf-8"))
    text = "\n".join(" ".join(p) for p in paragraphs)
    start = time.perf_counter()
    output = translate.translate(text, "en", "ko")
    wall = time.perf_counter() - start
    return {
        "load": load,
        "wall": wall,
        "rss": _peak_rss_mb(),
        "output": output,
        "package": str(pkg.package_path),
        "settings": (
            f"inter_threads={settings.inter_threads} intra_threads={settings.intra_threads} "
            f"beam_size={settings.beam_size} max_batch_size={settings.batch_size} tokens, "
            f"compute_type={settings.compute_type}"
        ),
    }


def _run_child(side: str, extra: list[str]) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", side, *extra]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{side} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_cache = Path(tempfile.gettempdir()) / "dari-bench-translate"
    parser.add_argument("--cache", default=str(default_cache), help="synthetic package cache")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the synthetic package")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--inter", type=int, default=2, help="Dari: CTranslate2 replicas")
    parser.add_argument("--intra", type=int, default=1, help="Dari: threads per replica")
    parser.add_argument("--batch", type=int, default=32, help="Dari: sentences per batch")
    parser.add_argument("--first", type=int, default=2, help="Dari: sentences in the first batch")
    parser.add_argument("--compute", default=None, help="Dari: compute type (default: int8)")
    parser.add_argument(
        "--argos-setting", action="append", metavar="NAME=VALUE",
        help="an Argos setting for the baseline, e.g. ARGOS_INTRA_THREADS=1 (default: none)",
    )
    parser.add_argument("--only", choices=("dari", "argos"), help="run one side only")
    parser.add_argument("--repeat", type=int, default=1, help="runs per side; the best counts")
    parser.add_argument("--child", choices=("dari", "argos"), help=argparse.SUPPRESS)
    parser.add_argument("--package", help=argparse.SUPPRESS)
    parser.add_argument("--article", help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        _no_network()
        result = child_dari(args) if args.child == "dari" else child_argos(args)
        print(json.dumps(result, ensure_ascii=False))
        return

    cache = Path(args.cache)
    if args.rebuild:
        shutil.rmtree(cache / f"v{CACHE_VERSION}", ignore_errors=True)
    folder, archive = build_package(cache)
    paragraphs = make_article()
    sentences = [s for p in paragraphs for s in p]
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    pieces = [len(sp.encode(s)) for s in sentences]
    size = sum(f.stat().st_size for f in (folder / "model").iterdir()) / 2**20
    print(
        f"package: {LAYERS}+{LAYERS} layers, d_model {D_MODEL}, {HEADS} heads, FFN {FFN}, "
        f"vocabulary {sp.get_piece_size()}, int8, model {size:.0f} MB ({folder})"
    )
    print(
        f"article: {len(sentences)} sentences in {len(paragraphs)} paragraphs, {sum(pieces)} "
        f"source pieces ({min(pieces)}-{max(pieces)} per sentence); every translation is "
        f"pinned to {PINNED} pieces"
    )
    print(
        f"beam size {args.beam} on both sides; Argos's MiniSBD sentence splitter replaced by an "
        "offline regex splitter; network refused in both child processes", flush=True
    )

    with tempfile.TemporaryDirectory(prefix="dari-bench-") as tmp:
        article = Path(tmp) / "article.json"
        article.write_text(json.dumps(paragraphs, ensure_ascii=False), encoding="utf-8")
        common = ["--article", str(article), "--beam", str(args.beam)]
        dari_args = [
            *common, "--package", str(folder), "--inter", str(args.inter),
            "--intra", str(args.intra), "--batch", str(args.batch), "--first", str(args.first),
        ]
        if args.compute:
            dari_args += ["--compute", args.compute]
        dari_runs: list[dict[str, Any]] = []
        argos_runs: list[dict[str, Any]] = []
        for run in range(1, args.repeat + 1):  # alternate, so both sides share any drift
            if args.only != "argos":
                dari = _run_child("dari", dari_args)
                dari_runs.append(dari)
                lengths = sorted({len(t.split()) for t in dari["outputs"]})
                print(
                    f"run {run} dari : load {dari['load']:.2f} s, first sentence "
                    f"{dari['first']:.2f} s, all {len(sentences)} in {dari['wall']:.2f} s, "
                    f"peak RSS {dari['rss']:.0f} MB; pieces per translation: {lengths}",
                    flush=True,
                )
            if args.only != "dari":
                home = Path(tmp) / f"argos-{run}"
                argos_args = [*common, "--package", str(archive), "--home", str(home)]
                for setting in args.argos_setting or []:
                    argos_args += ["--argos-setting", setting]
                argos = _run_child("argos", argos_args)
                argos_runs.append(argos)
                words = len(argos["output"].split())
                print(
                    f"run {run} argos: load {argos['load']:.2f} s, all {len(sentences)} in "
                    f"{argos['wall']:.2f} s, peak RSS {argos['rss']:.0f} MB; pieces in all "
                    f"translations: {words} = {len(sentences)} x {words / len(sentences):g}",
                    flush=True,
                )

    if dari_runs:
        print(
            f"dari : inter_threads={args.inter} intra_threads={args.intra}, batches of "
            f"{args.batch} (first {args.first}), compute_type={args.compute or 'int8'}"
        )
    if argos_runs:
        print(f"argos: {argos_runs[0]['settings']}")
        print(f"argos translated with the package it installed at {argos_runs[0]['package']}")
    if dari_runs and argos_runs:
        same = all(
            " ".join(d["outputs"]) == a["output"].replace("\n", " ")
            for d in dari_runs
            for a in argos_runs
        )
        print(f"identical translations on both sides: {same}")
    best = f"best of {args.repeat} runs" if args.repeat > 1 else "one run"
    if dari_runs:
        dari_wall = min(r["wall"] for r in dari_runs)
        print(
            f"dari  wall ({best}): {dari_wall:.2f} s; first sentence: worst "
            f"{max(r['first'] for r in dari_runs):.2f} s; peak RSS: worst "
            f"{max(r['rss'] for r in dari_runs):.0f} MB"
        )
    if argos_runs:
        argos_wall = min(r["wall"] for r in argos_runs)
        print(
            f"argos wall ({best}): {argos_wall:.2f} s; peak RSS: worst "
            f"{max(r['rss'] for r in argos_runs):.0f} MB"
        )
    if dari_runs and argos_runs:
        print("targets: ratio >= 8, first sentence <= 0.8 s, peak RSS <= 700 MB")
        print(f"ratio: {argos_wall / dari_wall:.1f}")

if __name__ == "__main__":
    main()
