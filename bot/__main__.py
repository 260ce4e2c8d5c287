"""`python -m bot` runs the `faqbot` command line."""

import sys

from bot.cli.main import main

sys.exit(main())
