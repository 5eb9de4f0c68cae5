"""Copy the pinned front-end libraries from node_modules into the package's static files
(Leaflet and Supercluster into the core app's, Chart.js into the insight app's), and the pinned axe-core (a
test tool, not shipped) into the browser tests.

Run with ``make vendor`` after changing a version in package.json. Source map comments
are removed: the maps are not shipped, and a missing map breaks ManifestStaticFilesStorage.
"""

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
TARGET = ROOT / "wagtail_cityoflearning" / "static" / "wagtail_cityoflearning" / "vendor"

FILES = {
    "leaflet": ["dist/leaflet.js", "dist/leaflet.css", "dist/images", "LICENSE"],
    "leaflet.markercluster": [
        "dist/leaflet.markercluster.js",
        "dist/MarkerCluster.css",
        "dist/MarkerCluster.Default.css",
        "MIT-LICENCE.txt",
    ],
    # The opportunity map's clustering. The UMD build bundles kdbush, whose licence goes
    # with it.
    "supercluster": [
        "dist/supercluster.min.js",
        "LICENSE",
        ("../kdbush/LICENSE", "LICENSE-kdbush"),
    ],
}
# The insight app's charts: (folder under its vendor directory, files). The UMD build bundles
# @kurkle/color, whose licence goes with it; a "../" path is another npm package's file.
INSIGHT_TARGET = (
    ROOT
    / "wagtail_cityoflearning"
    / "insight"
    / "static"
    / "wagtail_cityoflearning_insight"
    / "vendor"
)
INSIGHT_FILES = {
    "chart.js": (
        "chartjs",
        [
            "dist/chart.umd.min.js",
            "LICENSE.md",
            ("../@kurkle/color/LICENSE", "LICENSE-kurkle-color"),
        ],
    )
}
# Test tools: copied next to the browser tests, never into the wheel.
TEST_TARGET = ROOT / "tests" / "browser" / "vendor"
TEST_FILES = {"axe-core": ["axe.min.js", "LICENSE"]}
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")


def main():
    for target, files in ((TARGET, FILES), (TEST_TARGET, TEST_FILES)):
        copy(target, {package: (package, paths) for package, paths in files.items()})
    copy(INSIGHT_TARGET, INSIGHT_FILES)


def copy(target_root, files):
    """``files``: for each npm package, the folder it goes to and the paths it gives (a path,
    or a pair of a path and the name it takes)."""
    for package, (folder, paths) in files.items():
        destination = target_root / folder
        shutil.rmtree(destination, ignore_errors=True)
        destination.mkdir(parents=True)
        for entry in paths:
            relative, name = entry if isinstance(entry, tuple) else (entry, None)
            source = (MODULES / package / relative).resolve()
            target = destination / (name or source.name)
            if source.is_dir():
                shutil.copytree(source, target)
            elif source.suffix == ".js":
                target.write_text(SOURCE_MAP.sub("\n", source.read_text(encoding="utf-8")))
            else:
                shutil.copy2(source, target)
        print(f"vendored {package} into {destination.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
