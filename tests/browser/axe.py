"""axe-core (pinned in package.json, vendored by ``make vendor``) run in the page under test."""

from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page, *, exclude=()) -> list[dict]:
    """The WCAG 2.1 A and AA violations axe finds in the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # a script element would break the CSP
    context = {"exclude": [[selector] for selector in exclude]} if exclude else "document"
    result = page.evaluate(
        """([context, tags]) => axe.run(context === "document" ? document : context,
               {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        [context, WCAG_21_AA],
    )
    return result["violations"]


def describe(found: list[dict]) -> str:
    """A readable list of violations for an assertion message."""
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(
                f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1]}"
            )
    return "\n".join(lines)


def assert_no_violations(page, name: str, **options) -> None:
    found = violations(page, **options)
    assert not found, f"axe found WCAG 2.1 A/AA violations on {name}:\n{describe(found)}"
