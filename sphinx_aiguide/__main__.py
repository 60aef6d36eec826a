"""``python -m sphinx_aiguide``: the same as the ``sphinx-aiguide`` command."""

import sys

from sphinx_aiguide.cli import main

sys.exit(main())
