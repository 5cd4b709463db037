"""The comparison engine: align, compare, summarize."""

from .align import align
from .claims import claim_frame, current_claims, source_order
from .pairs import VERDICT_COLUMNS, compare

__all__ = ["align", "compare", "claim_frame", "current_claims", "source_order", "VERDICT_COLUMNS"]
from .summary import SUMMARY_COLUMNS, summarize  # noqa: E402

__all__ += ["summarize", "SUMMARY_COLUMNS"]
from .select import explain, select, summary_line  # noqa: E402

__all__ += ["select", "summary_line", "explain"]
from .history import HISTORY_COLUMNS, history  # noqa: E402

__all__ += ["history", "HISTORY_COLUMNS"]
