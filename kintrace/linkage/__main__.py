"""`python -m kintrace.linkage link-files ...` runs the linkage commands."""

import sys

from kintrace.linkage.cli import main

raise SystemExit(main(sys.argv[1:]))
