"""The PLOVER event coder: patterns, source and target, dates, places, modality, statements."""

from greatgame.events.candidate import CandidateFilter
from greatgame.events.coder import Coder

__all__ = ["Coder", "CandidateFilter"]
