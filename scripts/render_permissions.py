"""Write docs/permissions.md from the permission matrix the tests prove (tests/access/matrix.py)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.access.matrix import render_markdown  # noqa: E402

(ROOT / "docs" / "permissions.md").write_text(render_markdown(), encoding="utf-8")
print("docs/permissions.md written")
