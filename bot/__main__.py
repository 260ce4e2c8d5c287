"""`python -m bot` runs the `faqbot` command line."""

import sys

from .cli import main

sys.exit(main())
