"""Jupyter widgets (ipywidgets 8): thin wrappers over the engine and the figures.

Examples
--------
>>> import conflictlab as cl
>>> from conflictlab.widgets import Explorer
>>> Explorer(cl.datasets.load("nerkin-hand-2024")).incident.value
'(all)'
"""

from .annotator import Annotator
from .explorer import ClaimInspector, Explorer

__all__ = ["Explorer", "ClaimInspector", "Annotator"]
