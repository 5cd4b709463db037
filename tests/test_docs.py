"""The generated parts of the documentation match the code."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_claim_model_doc_is_current():
    result = subprocess.run([sys.executable, "tools/gen_docs.py", "--check"], cwd=ROOT)
    assert result.returncode == 0, "docs/claim-model.md is out of date: run python tools/gen_docs.py"
