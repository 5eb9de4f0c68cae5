"""Run the IMS Global Open Badges validator (PyPI ``openbadges`` 1.1.2) on one badge.

This script runs under the validator's own virtualenv (see ``ims_validator.py``), never in the
project's environment: it may use only the standard library and that virtualenv's packages.

    python _ims_validator_runner.py (--url URL | --jws-file PATH | --json-file PATH
                                     | --baked-file PATH) [--recipient EMAIL]

It prints one JSON object on stdout: the validator's result (``graph``, ``input``, ``report``)
plus a ``harness`` key describing what this script did (the HTTP requests the validator made and
how often the JSON-LD context was answered from the bundled copy). Exit status 0 whenever the
validator produced a result, valid or not; 2 on harness errors, with a message on stderr.

Three adaptations make the 2017-era validator run here:

* Python 3.10 removed the ``collections`` aliases of the ``collections.abc`` classes, which
  python-jose 3.0.1, future 0.16, requests-cache 0.4 and jsonschema 2.6 still import.
* The validator compacts every document against ``https://w3id.org/openbadges/v2``. There is no
  internet access in the test environment, so that one URL is answered from the copy the
  validator ships (``OPENBADGES_CONTEXT_V2_DICT``), at the transport level (see
  ``_install_context_interception``). Every other URL is fetched for real.
* ``verify`` reports a baked image without Open Badges metadata through ``e.message``, which
  Python 3 exceptions lack; the unbake step is wrapped so that the validator's intended report
  (a failed DETECT_INPUT_TYPE task) comes out instead of an AttributeError.
"""

import argparse
import collections
import collections.abc
import io
import json
import os
import sys
import traceback

# Python puts this script's folder first on sys.path; nothing there is meant for this process.
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]

VALIDATOR_VERSION = "1.1.2"
HARNESS_ERROR = 2

_REMOVED_COLLECTIONS_ALIASES = (
    "AsyncGenerator",
    "AsyncIterable",
    "AsyncIterator",
    "Awaitable",
    "ByteString",
    "Callable",
    "Collection",
    "Container",
    "Coroutine",
    "Generator",
    "Hashable",
    "ItemsView",
    "Iterable",
    "Iterator",
    "KeysView",
    "Mapping",
    "MappingView",
    "MutableMapping",
    "MutableSequence",
    "MutableSet",
    "Reversible",
    "Sequence",
    "Set",
    "Sized",
    "ValuesView",
)


def _alias_collections_abc():
    for name in _REMOVED_COLLECTIONS_ALIASES:
        if not hasattr(collections, name) and hasattr(collections.abc, name):
            setattr(collections, name, getattr(collections.abc, name))


class HarnessError(Exception):
    pass


# What the validator fetched, in order: {"url", "status", "served_from": "network"|"bundle"}.
REQUESTS_LOG = []


def _install_context_interception():
    """Answer the Open Badges 2.0 JSON-LD context URL from the validator's bundled copy.

    The validator reaches the network through ``requests`` only, but from several places: its
    JSON-LD document loader (``CachableDocumentLoader``, a ``requests_cache.CachedSession``
    with the in-memory backend, created anew for each ``verify`` call), ``fetch_http_node`` and
    ``validate_image`` (a fresh ``CachedSession`` per task), and the extension checks. All of
    them end in ``requests.adapters.HTTPAdapter.send``, so that is where the context URL is
    answered: the response is built with the adapter's own ``build_response`` from a urllib3
    response carrying the bundled JSON, and so looks like a real 200 to the caller and to the
    cache. Every other URL goes to the real ``send``. PyLD's default document loader (used by
    a few ``jsonld.expand`` calls that pass no options) is pointed at a requests-based loader
    so that it goes through the same path instead of urllib.
    """
    import requests.adapters
    import urllib3
    from openbadges.verifier.openbadges_context import (
        OPENBADGES_CONTEXT_V2_DICT,
        OPENBADGES_CONTEXT_V2_URI,
    )
    from openbadges.verifier.utils import CachableDocumentLoader
    from pyld import jsonld

    context_urls = {
        OPENBADGES_CONTEXT_V2_URI,
        OPENBADGES_CONTEXT_V2_URI.replace("https://", "http://", 1),
    }
    context_body = json.dumps(OPENBADGES_CONTEXT_V2_DICT).encode("utf-8")
    real_send = requests.adapters.HTTPAdapter.send

    def send(self, request, **kwargs):
        if request.method in ("GET", "HEAD") and request.url in context_urls:
            raw = urllib3.HTTPResponse(
                body=io.BytesIO(context_body),
                headers={
                    "Content-Type": "application/ld+json",
                    "Content-Length": str(len(context_body)),
                },
                status=200,
                reason="OK",
                preload_content=False,
                decode_content=False,
                request_method=request.method,
                request_url=request.url,
            )
            REQUESTS_LOG.append({"url": request.url, "status": 200, "served_from": "bundle"})
            return self.build_response(request, raw)
        try:
            response = real_send(self, request, **kwargs)
        except Exception as exc:
            REQUESTS_LOG.append(
                {"url": request.url, "status": None, "served_from": "network", "error": repr(exc)}
            )
            raise
        REQUESTS_LOG.append(
            {"url": request.url, "status": response.status_code, "served_from": "network"}
        )
        return response

    requests.adapters.HTTPAdapter.send = send
    jsonld.set_document_loader(CachableDocumentLoader(use_cache=False))


def _patch_unbake_error_reporting():
    from openbadges.verifier import verifier

    class UnbakeError(ValueError):
        def __init__(self, message):
            super().__init__(message)
            self.message = message

    real_unbake = verifier.unbake

    def unbake(image_file):
        try:
            data = real_unbake(image_file)
        except ValueError as exc:
            raise UnbakeError(str(exc)) from exc
        if not data:
            raise UnbakeError("Could not find Open Badges metadata in file.")
        return data

    verifier.unbake = unbake


def _parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--url", help="hosted assertion URL (or URL of a baked image)")
    source.add_argument("--jws-file", help="file holding a JWS compact serialization")
    source.add_argument("--json-file", help="file holding assertion JSON")
    source.add_argument("--baked-file", help="baked PNG or SVG badge image")
    parser.add_argument(
        "--recipient", help="email address the recipient is trusted to have (checks the hash)"
    )
    return parser.parse_args(argv)


def _read_text(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError as exc:
        raise HarnessError(f"cannot read {path}: {exc}") from exc


def run(args):
    _alias_collections_abc()
    try:
        import openbadges
    except Exception as exc:
        raise HarnessError(f"cannot import the validator: {exc!r}") from exc
    _install_context_interception()
    _patch_unbake_error_reporting()

    recipient_profile = {"email": args.recipient} if args.recipient else None
    if args.baked_file:
        try:
            handle = open(args.baked_file, "rb")  # noqa: SIM115 -- closed below
        except OSError as exc:
            raise HarnessError(f"cannot read {args.baked_file}: {exc}") from exc
        with handle:
            result = openbadges.verify(handle, recipient_profile=recipient_profile)
        # The validator stores the open file object as the input value for baked files.
        if not isinstance(result.get("input", {}).get("value"), (str, type(None))):
            result["input"]["value"] = args.baked_file
    else:
        if args.url:
            badge_input = args.url
        elif args.jws_file:
            badge_input = _read_text(args.jws_file).strip()
        else:
            badge_input = _read_text(args.json_file)
        result = openbadges.verify(badge_input, recipient_profile=recipient_profile)

    result["harness"] = {
        "validator": f"openbadges {VALIDATOR_VERSION}",
        "requests": REQUESTS_LOG,
        "context_served_from_bundle": sum(
            1 for entry in REQUESTS_LOG if entry["served_from"] == "bundle"
        ),
    }
    return result


def _json_default(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return repr(value)


def main(argv=None):
    args = _parse_args(sys.argv[1:] if argv is None else argv)
    try:
        result = run(args)
        text = json.dumps(result, indent=2, sort_keys=True, default=_json_default)
    except HarnessError as exc:
        print(f"ims-validator harness error: {exc}", file=sys.stderr)
        return HARNESS_ERROR
    except Exception:
        print("ims-validator harness error: the validator raised", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return HARNESS_ERROR
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
