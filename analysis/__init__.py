"""Text analysis of how news outlets covered the announcement of the 18 March 2025 Trump–Putin call.

Data flows one way: raw text (:mod:`analysis.corpus`) → annotation tables → measures →
figures (:mod:`analysis.figures`) and reports (:mod:`analysis.report`).
"""
from .corpus import Corpus, CorpusError, CorpusWarning, load_corpus

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "load_corpus"]
