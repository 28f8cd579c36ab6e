"""Progress bars for builds that take a while (a large corpus, `corpus add`): shown on a terminal only, and only
once a build has run for a second, so the everyday sub-second builds stay silent."""
from __future__ import annotations

import sys


def bar(total: int | None, desc: str, unit: str = "clauses"):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, delay=1.0, leave=False, dynamic_ncols=True,
                disable=None)  # None: off when stderr is not a terminal (CI logs, pipes)
