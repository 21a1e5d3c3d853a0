"""A hand-written page's links by path must reach a page or file of the site (see test_check_parity
for the build and the check reporting them alike)."""

from __future__ import annotations

from mcframe.doclinks import link_problems

SITE = {"index.md", "rules.md", "guide/intro.md", "downloads/plan.pdf", "guide/plan.png"}

PAGE = """\
# Guide

[Rules](../rules.md#r-01), [home](../index.md), ![a plan](plan.png "The plan"), [elsewhere](https://example.org/x.md),
[mail](mailto:a@example.org), [here](#top), [an element](ref:principle/R-01), [the PDF](<../downloads/plan.pdf>).

`[not a link](nowhere.md)` and

```
[nor this](nowhere.md)
```

[gone](../rule.md) and [up](/index.html)

[def]: ../missing.pdf
"""


def test_links_that_reach_nothing_are_found_at_their_place() -> None:
    found = [str(p) for p in link_problems("guide/intro.md", PAGE, "docs/guide/intro.md", SITE.__contains__, sorted(SITE))]
    assert found == [
        "docs/guide/intro.md:12:8: a link to '../rule.md' goes nowhere: no page or file of the site is at rule.md (did you mean 'rules.md'?)",
        "docs/guide/intro.md:12:29: an absolute link '/index.html': the offline edition needs links relative to the page",
        "docs/guide/intro.md:14:8: a link to '../missing.pdf' goes nowhere: no page or file of the site is at missing.pdf",
    ]
