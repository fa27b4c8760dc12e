"""Reading and writing the few PocketSphinx model files voicepeer needs.

The model inside the pocketsphinx wheel keeps its mixture weights only as ``sendump``: 8-bit
negative logarithms, laid out feature x codeword x senone, as the decoder loads them. The
CMU training tools read plain ``mixture_weights`` (float32, senone x feature x codeword), so
voice training writes that file from ``sendump`` first.
"""

from __future__ import annotations

import math
import struct
from pathlib import Path

import numpy as np
import numpy.typing as npt

from voicepeer.errors import ModelMissingError

_LOG_BASE = 1.0001
"""PocketSphinx's default log base."""
_SENSCR_SHIFT = 10
"""sendump values are in units of ``_LOG_BASE ** (1 << _SENSCR_SHIFT)``."""
_BYTE_ORDER_MAGIC = 0x11223344


def bundled_model_dir() -> Path:
    """The US English acoustic model inside the pocketsphinx wheel."""
    import pocketsphinx

    return Path(pocketsphinx.get_model_path("en-us/en-us"))


def bundled_dictionary() -> Path:
    import pocketsphinx

    return Path(pocketsphinx.get_model_path("en-us/cmudict-en-us.dict"))


def dictionary_words(path: Path) -> set[str]:
    """The words a pronunciation dictionary has (alternative pronunciations folded)."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        return {
            head for line in lines if (head := line.split(" ", 1)[0]) and not head.endswith(")")
        }


def write_dictionary_subset(source: Path, words: set[str], path: Path) -> Path:
    """``source`` cut down to ``words``, every pronunciation of each kept."""
    with source.open(encoding="utf-8", errors="replace") as lines:
        kept = [line for line in lines if line.split(" ", 1)[0].split("(")[0] in words]
    path.write_text("".join(kept), encoding="utf-8")
    return path


def _damaged(path: Path, why: str) -> ModelMissingError:
    return ModelMissingError(
        f"{path} is not a PocketSphinx sendump file: {why}",
        spoken="My English speech model is damaged. Please ask your helper to reinstall voicepeer.",
    )


def read_sendump(path: Path) -> npt.NDArray[np.uint8]:
    """The quantized weights of an 8-bit, unclustered sendump: feature x codeword x senone."""
    data = path.read_bytes()
    offset = 0

    def int32() -> int:
        nonlocal offset
        if offset + 4 > len(data):
            raise _damaged(path, "it ends in its header")
        (value,) = struct.unpack_from("<i", data, offset)
        offset += 4
        return int(value)

    # Title and header strings, then "key value" strings until an empty one.
    for _ in range(2):
        size = int32()
        offset += size
    fields: dict[str, str] = {}
    while (size := int32()) != 0:
        if size < 0 or offset + size > len(data):
            raise _damaged(path, "a header string runs past the end")
        key, _, value = data[offset : offset + size - 1].decode("ascii", "replace").partition(" ")
        fields[key] = value
        offset += size
    if int(fields.get("cluster_count", "0")) != 0:
        raise _damaged(path, "clustered (4-bit) weights are not supported")
    features = int(fields.get("feature_count", "1"))
    rows, columns = int32(), int32()  # codewords, senones
    expected = features * rows * columns
    if rows <= 0 or columns <= 0 or offset + expected > len(data):
        raise _damaged(path, f"expected {features} x {rows} x {columns} weights")
    weights = np.frombuffer(data, dtype=np.uint8, count=expected, offset=offset)
    return weights.reshape(features, rows, columns)


def mixture_weights(quantized: npt.NDArray[np.uint8]) -> npt.NDArray[np.float32]:
    """Normalized weights, senone x feature x codeword, from :func:`read_sendump` output."""
    step = (1 << _SENSCR_SHIFT) * math.log(_LOG_BASE)
    weights = np.exp(-quantized.astype(np.float64) * step).transpose(2, 0, 1)
    weights /= weights.sum(axis=2, keepdims=True)
    return weights.astype(np.float32)


def write_mixture_weights(weights: npt.NDArray[np.float32], path: Path) -> None:
    """``weights`` (senone x feature x codeword) as a SphinxTrain ``mixture_weights`` file."""
    senones, features, codewords = weights.shape
    with path.open("wb") as out:
        out.write(b"s3\nversion 1.0\nendhdr\n")
        out.write(struct.pack("<I", _BYTE_ORDER_MAGIC))
        out.write(struct.pack("<4i", senones, features, codewords, weights.size))
        out.write(weights.astype("<f4").tobytes())


def read_feature_params(model_dir: Path) -> dict[str, str]:
    """``feat.params`` of an acoustic model: ``-name value`` lines, as a dict."""
    params: dict[str, str] = {}
    path = model_dir / "feat.params"
    if path.exists():
        for line in path.read_text("utf-8", "replace").splitlines():
            name, _, value = line.strip().partition(" ")
            if name.startswith("-") and value:
                params[name[1:]] = value.strip()
    return params
