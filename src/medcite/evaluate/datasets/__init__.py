"""Readers of the public benchmarks, each turning its own files into ``evaluate.cases``."""
