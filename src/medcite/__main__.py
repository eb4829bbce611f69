"""``python -m medcite`` runs the command-line interface."""

from medcite.cli import main

main()
