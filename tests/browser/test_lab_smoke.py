"""JupyterLab opens the quick-start notebook and runs it in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_quickstart_runs_in_jupyterlab(jupyterlab, lab, page, screenshot):
    lab.run_all(jupyterlab.replace("/lab?", "/lab/tree/01-quickstart.ipynb?"))
    lab.wait_for_output("checks passed")
    screenshot(page, "lab-01-quickstart")
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.all_inner_texts()
