"""Peak memory of evidence photo uploads: pixel bombs six at once, before and after, and an
ordinary 12-megapixel photo.

Each case runs in a fresh subprocess (so the peak is the case's own) and prints:

- max RSS: the process's peak resident memory (``resource.getrusage``), minus what the
  process held before the case started; Pillow decodes into memory it allocates itself,
  so this is the figure that counts;
- tracemalloc: the peak of what Python's allocator traced (the uploaded bytes, buffers);
- the time the case took, and what became of the uploads.

The cases with several uploads run again with ``MALLOC_ARENA_MAX=2`` (marked ``*``): glibc
keeps the memory a thread freed in that thread's own arena, so with many arenas the peak
grows with the number of threads that ever decoded, not only with those decoding at once.

"before" repeats what the photo processing did until now: the size read from the header,
``verify()``, then ``exif_transpose`` and a full re-encode, as many at once as requests
arrive. "after" calls the package's own checks (``photo_format`` and
``without_metadata``): a PNG whose data cannot hold its declared pixels is refused unread,
and at most ``MAX_CONCURRENT_DECODES`` photos are decoded at once.

Run: make bench  (or .venv/bin/python benchmarks/uploads.py from the repository root)
"""

import io
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support.environment import REPO, setup_django  # noqa: E402 (needs the line above)

SIDE = 6324  # 39.99 megapixels: within the 40-megapixel limit
CONCURRENT = 6


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, idat: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def tiny_bomb() -> bytes:
    """The reported file: about a hundred bytes declaring 6324x6324 RGB pixels."""
    return png(SIDE, SIDE, zlib.compress(b"\x00" * 32, 9))


def complete_bomb() -> bytes:
    """A whole, valid 6324x6324 RGB PNG of one colour: about 120 KB."""
    row = b"\x00" + b"\x00" * (SIDE * 3)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(SIDE)) + compressor.flush()
    return png(SIDE, SIDE, body)


def photo_12mp() -> bytes:
    """A 4000x3000 JPEG with detail in it (noise), as a phone takes them."""
    from PIL import Image

    image = Image.effect_noise((4000, 3000), 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


INPUTS = {"tiny bomb": tiny_bomb, "complete bomb": complete_bomb, "12 MP photo": photo_12mp}
CASES = [
    ("six 98-byte PNG bombs at once", "tiny bomb", CONCURRENT),
    ("six complete 6324x6324 PNGs at once", "complete bomb", CONCURRENT),
    ("one 12 MP JPEG photo", "12 MP photo", 1),
    ("six 12 MP JPEG photos at once", "12 MP photo", CONCURRENT),
]


# -- in the subprocess -------------------------------------------------------------------------


def before(name: str, content: bytes) -> str:
    """What the photo processing did before: header check, verify, transpose, re-encode."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format = image.format
            if image.size[0] * image.size[1] > 40_000_000:
                return "refused: too many pixels"
            image.verify()
        with Image.open(io.BytesIO(content)) as image:
            image = ImageOps.exif_transpose(image)
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            buffer = io.BytesIO()
            options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {}
            image.save(buffer, format=image_format, **options)
        return f"stored {len(buffer.getvalue()) // 1024} KB"
    except Exception as error:  # noqa: BLE001 (the old code turned these into a form error)
        return f"refused: {type(error).__name__}"


def after(name: str, content: bytes) -> str:
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail_cityoflearning.learners.progress.evidence_forms import (
        photo_format,
        without_metadata,
    )

    upload = SimpleUploadedFile(name, content)
    try:
        stored = without_metadata(upload, photo_format(upload))
    except ValidationError as error:
        return f"refused: {error.error_list[0].code}"
    return f"stored {stored.size // 1024} KB"


def run_case(variant: str, input_name: str, copies: int) -> dict:
    directory = tempfile.mkdtemp(prefix="cityoflearning-bench-")
    setup_django(f"sqlite:///{directory}/unused.sqlite3")
    from PIL import Image  # noqa: F401 (imported before the baseline is taken)

    content = INPUTS[input_name]()
    name = "photo.jpg" if input_name == "12 MP photo" else "photo.png"
    process = before if variant == "before" else after
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    outcomes = [None] * copies

    def one(index):
        outcomes[index] = process(name, content)

    started = time.perf_counter()
    threads = [threading.Thread(target=one, args=(index,)) for index in range(copies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "file_bytes": len(content),
        "rss_mb": (peak_kb - baseline_kb) / 1024,
        "traced_mb": traced_peak / 1024 / 1024,
        "seconds": seconds,
        "outcomes": sorted(set(outcomes)),
    }


# -- the parent --------------------------------------------------------------------------------


# glibc keeps memory a thread freed in that thread's arena: with a few arenas the peak
# follows the decodes that really run at once (see docs/deployment.md).
FEW_ARENAS = {"MALLOC_ARENA_MAX": "2"}


def measure(variant: str, input_name: str, copies: int, env=None) -> dict:
    result = subprocess.run(  # noqa: S603 (this script, with arguments it chose)
        [sys.executable, __file__, "--case", variant, input_name, str(copies)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        env={**os.environ, **(env or {})},
    )
    if result.returncode != 0:
        return {"error": (result.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    print(f"Evidence photo uploads: peak memory per case (Python {sys.version.split()[0]})")
    print(f"{'case':40} {'code':7} {'file':>9} {'max RSS':>10} {'traced':>9} {'time':>7}  outcome")
    for label, input_name, copies in CASES:
        runs = [("before", "before", None), ("after", "after", None)]
        if copies > 1:
            runs += [("before", "before*", FEW_ARENAS), ("after", "after*", FEW_ARENAS)]
        for variant, shown, env in runs:
            figures = measure(variant, input_name, copies, env)
            if "error" in figures:
                print(f"{label:40} {shown:7} error: {figures['error']}")
                continue
            print(
                f"{label:40} {shown:7} {figures['file_bytes']:>8,}B "
                f"{figures['rss_mb']:>8.0f}MB {figures['traced_mb']:>7.1f}MB "
                f"{figures['seconds']:>6.2f}s  {', '.join(figures['outcomes'])}"
            )
    print("* with MALLOC_ARENA_MAX=2 in the environment")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    else:
        main()
