"""Build tiny but real Argos Translate packages offline, for tests.

A package built here is what Argos itself would install: a zip (``.argosmodel``) holding ONE
top-level folder (``translate-en_ko-1_0``) with ``metadata.json``, a CTranslate2 model in
``model/`` and a trained ``sentencepiece.model``. Nothing is faked: CTranslate2 really runs
the model and SentencePiece really tokenizes; only the weights are chosen by hand.

What the model does: it translates word for word through ``mapping`` (``"hello world."``
becomes ``"안녕하세요 세계."`` with the default English→Korean mapping) and copies every
other SentencePiece piece unchanged, so different inputs give different, predictable outputs.
:func:`expected_translation` predicts the output of any input.

How the weights do it (one encoder and one decoder layer, one attention head, pre-norm):
the model dimension is split into blocks -- one dimension per vocabulary piece, one per
decoder position, one per encoder position, an end-of-sentence flag and an overflow flag.

- encoder: embedding = one-hot of the piece, position encoding = one-hot of the position,
  layers are all zero, so the encoder output is (the layer norm of) ``piece + position``;
- decoder step ``t`` has its own position one-hot; cross-attention queries that position
  and keys the encoder positions, so step ``t`` attends to source piece ``t`` and copies its
  piece one-hot and position one-hot into the residual stream;
- the decoder feed-forward computes ``relu(own position - attended position - bias)`` per
  position and sums it into the end-of-sentence flag: zero while a source piece sits at
  step ``t``, large once the source is used up (attention then spreads over the others);
- the output projection maps each source piece to its target piece and the flag to
  ``</s>``.

So the output has exactly as many pieces as the input (at most ``MAX_PIECES``; longer
inputs are cut there). A ``target_prefix`` (as multilingual Argos packages use, e.g.
``__ko__``) shifts the decoder positions so the forced prefix token does not eat a source
piece. Building one package takes a few tens of milliseconds; the SentencePiece model is
trained once per mapping and cached.
"""

from __future__ import annotations

import functools
import io
import json
import random
import zipfile
from collections.abc import Mapping
from pathlib import Path

import numpy as np

MAX_PIECES = 64  # source pieces the test model translates; longer inputs are cut here
_POSITION_ROWS = 1100  # rows in the position tables: CTranslate2 reads up to 1024 inputs

EN_KO: dict[str, str] = {
    "hello": "안녕하세요",
    "world": "세계",
    "book": "책",
    "reader": "독자",
    "bridge": "다리",
    "river": "강",
    "water": "물",
    "house": "집",
    "school": "학교",
    "friend": "친구",
    "language": "언어",
    "read": "읽다",
    "write": "쓰다",
    "good": "좋은",
    "morning": "아침",
    "night": "밤",
    "city": "도시",
    "people": "사람들",
    "news": "뉴스",
    "story": "이야기",
    "north": "북쪽",
    "south": "남쪽",
    "today": "오늘",
    "and": "그리고",
    "the": "그",
    "we": "우리",
    "you": "당신",
    "is": "이다",
}
KO_EN: dict[str, str] = {ko: en for en, ko in EN_KO.items()}

# Filler for the SentencePiece corpus, so every Latin letter, digit, common punctuation
# mark and a spread of Hangul syllables is a piece of its own.
_LATIN = (
    "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 "
    ", . ; : ! ? ' \" ( ) - / % & "
)
_HANGUL = (
    "가나다라마바사아자차카타파하 거너더러머버서어저처커터퍼허 고노도로모보소오조초코토포호 "
    "구누두루무부수우주추쿠투푸후 그느드르므브스으즈츠크트프흐 기니디리미비시이지치키티피히 "
    "한국어 영어 문장 번역 사람 시간 오늘 내일 학생 선생님 말씀 했다 있다 없다 합니다 입니다 "
    "은 는 이 가 을 를 에 에서 의 도 로 와 과"
)


def default_mapping(from_code: str, to_code: str) -> dict[str, str]:
    """The built-in word mapping for a language pair: en→ko, ko→en, else none (copy)."""
    if (from_code, to_code) == ("en", "ko"):
        return dict(EN_KO)
    if (from_code, to_code) == ("ko", "en"):
        return dict(KO_EN)
    return {}


def package_folder_name(from_code: str, to_code: str, package_version: str) -> str:
    """The folder name Argos's own packages use, e.g. ``translate-en_ko-1_1``."""
    return f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"


@functools.lru_cache(maxsize=16)
def _sentencepiece_model(words: tuple[str, ...], user_symbols: tuple[str, ...]) -> bytes:
    import sentencepiece as spm

    rng = random.Random(1)
    lines = [" ".join([word] * 8) for word in words]
    if words:
        lines += [" ".join(rng.choice(words) for _ in range(6)) + "." for _ in range(120)]
    lines += [_LATIN, _LATIN.lower(), _HANGUL]
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        model_type="unigram",
        vocab_size=400,
        hard_vocab_limit=False,
        character_coverage=1.0,
        user_defined_symbols=list(user_symbols),
        num_threads=1,
        minloglevel=2,
    )
    return buffer.getvalue()


def _processor(model: bytes):  # -> sentencepiece.SentencePieceProcessor
    import sentencepiece as spm

    return spm.SentencePieceProcessor(model_proto=model)


def _piece_mapping(processor, mapping: Mapping[str, str]) -> dict[str, str]:
    """Word mapping → piece mapping; every mapped word must be a single piece."""
    pieces: dict[str, str] = {}
    for source, target in mapping.items():
        src = processor.encode(source, out_type=str)
        tgt = processor.encode(target, out_type=str)
        if len(src) != 1 or len(tgt) != 1:
            raise ValueError(f"{source!r} → {target!r} is not one piece each: {src} → {tgt}")
        pieces[src[0]] = tgt[0]
    return pieces


def _weights(vocab: list[str], pieces: Mapping[str, str], prefix_length: int):
    """The hand-made weights (see the module docstring) as a CTranslate2 TransformerSpec."""
    from ctranslate2.specs import transformer_spec

    V, P = len(vocab), MAX_PIECES
    own, att, eos_flag, overflow = V, V + P, V + 2 * P, V + 2 * P + 1
    d = (V + 2 * P + 2 + 7) // 8 * 8
    ffn = P + 1
    ids = {piece: i for i, piece in enumerate(vocab)}
    f32 = np.float32

    def zeros(*shape: int) -> np.ndarray:
        return np.zeros(shape, dtype=f32)

    def norm(layer_norm) -> None:
        layer_norm.gamma = np.ones(d, dtype=f32)
        layer_norm.beta = zeros(d)

    spec = transformer_spec.TransformerSpec.from_config((1, 1), num_heads=1)
    enc, dec = spec.encoder, spec.decoder
    enc.scale_embeddings = False
    dec.scale_embeddings = False

    enc.embeddings[0].weight = np.eye(V, d, dtype=f32)
    enc_pos = zeros(_POSITION_ROWS, d)
    enc_pos[np.arange(P), att + np.arange(P)] = 1.0
    enc.position_encodings.encodings = enc_pos
    for layer in (enc.layer[0], dec.layer[0]):
        norm(layer.self_attention.layer_norm)
        layer.self_attention.linear[0].weight = zeros(3 * d, d)
        layer.self_attention.linear[1].weight = zeros(d, d)
        norm(layer.ffn.layer_norm)
        layer.ffn.linear_0.weight = zeros(ffn, d)
        layer.ffn.linear_1.weight = zeros(d, ffn)
    norm(enc.layer_norm)

    dec.embeddings.weight = zeros(V, d)
    dec_pos = zeros(_POSITION_ROWS, d)
    for t in range(_POSITION_ROWS):
        step = t - prefix_length
        if 0 <= step < P:
            dec_pos[t, own + step] = 1.0
        elif step >= P:
            dec_pos[t, overflow] = 1.0
    dec.position_encodings.encodings = dec_pos

    cross = dec.layer[0].attention
    norm(cross.layer_norm)
    query = zeros(d, d)
    query[np.arange(P), own + np.arange(P)] = 4.0  # step t asks for source position t
    key_value = zeros(2 * d, d)
    key_value[np.arange(P), att + np.arange(P)] = 1.0  # keys: source positions
    copied = np.r_[np.arange(V), att + np.arange(P)]
    key_value[d + copied, copied] = 1.0  # values: piece and position one-hots
    out = zeros(d, d)
    out[copied, copied] = 1.0 / np.sqrt(d / 2)  # attended one-hots ≈ own position in size
    cross.linear[0].weight = query
    cross.linear[1].weight = key_value
    cross.linear[2].weight = out

    ffn_in = zeros(ffn, d)
    ffn_in[np.arange(P), own + np.arange(P)] = 1.0
    ffn_in[np.arange(P), att + np.arange(P)] = -1.0
    ffn_in[P, overflow] = 1.0
    ffn_out = zeros(d, ffn)
    ffn_out[eos_flag, :] = 1.0
    dec.layer[0].ffn.linear_0.weight = ffn_in
    # After the layer norm a one-hot entry is about sqrt(d / 3); the bias keeps the
    # near-zero entries (and an attended position slightly smaller than our own) silent.
    dec.layer[0].ffn.linear_0.bias = np.full(ffn, -0.3 * np.sqrt(d / 3), dtype=f32)
    dec.layer[0].ffn.linear_1.weight = ffn_out
    norm(dec.layer_norm)

    projection = zeros(V, d)
    for piece, i in ids.items():
        if piece not in pieces and piece not in ("<s>", "</s>"):
            projection[i, i] = 1.0  # copy unmapped pieces (and <unk>, for replace_unknowns)
    for source, target in pieces.items():
        projection[ids[target], ids[source]] = 1.0
    projection[ids["</s>"], eos_flag] = 1.0
    dec.projection.weight = projection * 6.0

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def build_package_dir(
    out_dir: Path,
    *,
    from_code: str = "en",
    to_code: str = "ko",
    package_version: str = "1.0",
    mapping: Mapping[str, str] | None = None,
    from_name: str | None = None,
    to_name: str | None = None,
    argos_version: str = "1.0",
    target_prefix: str = "",
    folder_name: str | None = None,
    quantization: str | None = None,
) -> Path:
    """Write an unpacked package folder under ``out_dir`` and return its path."""
    names = {"en": "English", "ko": "Korean"}
    words = dict(default_mapping(from_code, to_code) if mapping is None else mapping)
    symbols = (target_prefix,) if target_prefix else ()
    model = _sentencepiece_model(tuple(sorted({*words, *words.values()})), symbols)
    processor = _processor(model)
    vocab = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    spec = _weights(vocab, _piece_mapping(processor, words), 1 if target_prefix else 0)

    folder = folder_name or package_folder_name(from_code, to_code, package_version)
    package_dir = out_dir / folder
    (package_dir / "model").mkdir(parents=True, exist_ok=True)
    spec.validate()
    spec.optimize(quantization=quantization)
    spec.save(str(package_dir / "model"))
    (package_dir / "sentencepiece.model").write_bytes(model)
    metadata: dict[str, object] = {
        "package_version": package_version,
        "argos_version": argos_version,
        "from_code": from_code,
        "from_name": from_name or names.get(from_code, from_code),
        "to_code": to_code,
        "to_name": to_name or names.get(to_code, to_code),
        "type": "translate",
        "links": [],
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    (package_dir / "metadata.json").write_text(
        json.dumps(metadata, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (package_dir / "README.md").write_text(
        f"Test package {from_code}→{to_code} {package_version} built by tests/helpers.\n",
        encoding="utf-8",
    )
    return package_dir


def build_package(
    out_dir: Path,
    *,
    from_code: str = "en",
    to_code: str = "ko",
    package_version: str = "1.0",
    mapping: Mapping[str, str] | None = None,
    from_name: str | None = None,
    to_name: str | None = None,
    argos_version: str = "1.0",
    target_prefix: str = "",
    folder_name: str | None = None,
    quantization: str | None = None,
    archive_name: str | None = None,
) -> Path:
    """Write ``<folder>.argosmodel`` into ``out_dir`` (a zip with one top-level folder)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = out_dir / ".staging"
    package_dir = build_package_dir(
        staging,
        from_code=from_code,
        to_code=to_code,
        package_version=package_version,
        mapping=mapping,
        from_name=from_name,
        to_name=to_name,
        argos_version=argos_version,
        target_prefix=target_prefix,
        folder_name=folder_name,
        quantization=quantization,
    )
    archive = out_dir / (archive_name or f"{package_dir.name}.argosmodel")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package_dir.rglob("*")):
            zf.write(path, path.relative_to(staging).as_posix())
    _remove_tree(staging)
    return archive


def expected_translation(
    text: str,
    *,
    from_code: str = "en",
    to_code: str = "ko",
    mapping: Mapping[str, str] | None = None,
) -> str:
    """What a package built with these arguments outputs for ``text`` (one sentence)."""
    words = dict(default_mapping(from_code, to_code) if mapping is None else mapping)
    processor = _processor(_sentencepiece_model(tuple(sorted({*words, *words.values()})), ()))
    pieces = _piece_mapping(processor, words)
    source = processor.encode(" ".join(text.split()), out_type=str)[:MAX_PIECES]
    return processor.decode_pieces([pieces.get(p, p) for p in source]).replace("▁", " ").strip()


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
