"""medcite: grounded, citable answers to clinical questions from a local literature index."""

__version__ = "0.1.0"
