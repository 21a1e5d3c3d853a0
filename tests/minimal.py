"""Minimal valid content for validation tests: a site.yaml declaring every collection, and the
smallest file of each required one. Tests add or spoil one file and read the problems."""

from __future__ import annotations

from pathlib import Path

from mcframe.library import load_library

# What every element of content carries besides its own fields: whose words, and where it stands.
META = "wording: {kind: editorial}\nreview: {status: published, date: 2026-01-01}\n"

SOURCES = """\
sources:
  - id: seed
    type: report
    title: A seed
"""
CONCEPTS = """\
concepts:
  - id: C1
    title: Mentoring
    summary: Support through a career transition.
    definition: Mentoring is support.
    features: [Structured]
    sources: [seed]
    wording: {kind: summary, source: seed}
    review: {status: published, date: 2026-01-01}
"""
PRINCIPLES = """\
principles:
  - id: P1
    title: A learning conversation
    explanation: Talk that builds learning.
    sources: [seed]
    wording: {kind: summary, source: seed}
    review: {status: published, date: 2026-01-01}
"""
DESCRIPTIONS = """\
rows:
  - id: D1
    question: why
    title: Purpose
    cells:
      - concept: C1
        text: To support.
    sources: [seed]
    wording: {kind: summary, source: seed}
    review: {status: published, date: 2026-01-01}
"""
SKILLS = """\
skills:
  - id: SK1
    title: Listening
    description: Listening to understand.
    used_in: [C1]
    sources: [seed]
    wording: {kind: summary, source: seed}
    review: {status: published, date: 2026-01-01}
"""





KIND = {"sources": "source", "concepts": "concept", "principles": "principle", "descriptions": "description", "skills": "skill",
        "career_stages": "vocabulary", "purposes": "vocabulary", "forms": "vocabulary", "phases": "vocabulary", "terms": "term",
        "case_studies": "case_study", "practice_sites": "practice_site", "evidence": "evidence", "agencies": "agency",
        "programmes": "programme", "resources": "resource", "routes": "route", "approaches": "approach"}


SINGULAR = {"case_studies": "case study", "agencies": "agency", "evidence": "evidence digest", "approaches": "approach",
            "practice_sites": "practice site", "terms": "glossary term"}


def collection(name: str, file: str, key: str | None, pattern: str, required: bool = True) -> str:
    return (
        f"  - name: {name}\n    kind: {KIND[name]}\n    file: {file}\n" + (f"    key: {key}\n" if key else "") + f"    id_pattern: \"{pattern}\"\n"
        f"    required: {'true' if required else 'false'}\n    label: {SINGULAR.get(name, name.rstrip('s').replace('_', ' '))}\n    plural: {name.title()}\n"
    )


# Collections that minimal content may add to: declared, but with no file yet.
OPTIONAL = (
    ("terms", "glossary/*.yaml", None, "[a-z0-9]+(-[a-z0-9]+)*"),
    ("case_studies", "case_studies/*.yaml", None, "CS[0-9]{2,}"),
    ("practice_sites", "practice_sites.yaml", "sites", "PS[0-9]{2,}"),
    ("evidence", "evidence/*.yaml", None, "EV[0-9]{2,}"),
    ("agencies", "policy_grid.yaml", "agencies", "[A-Z]{2,6}"),
    ("programmes", "policy_grid.yaml", "programmes", "PG[0-9]{2,}"),
    ("resources", "resources.yaml", "resources", "R[0-9]{2,}"),
    ("routes", "routes.yaml", "routes", "[a-z]+(-[a-z]+)*"),
    ("approaches", "approaches.yaml", "approaches", "W[0-9]+"),
)


SITE = (
    "title: Minimal\ndescription: A minimal site.\npublisher: Tests\nlicence: None\nlanguage: en\n"
    "edition: {number: '1', date: 2026-01-01}\nzip_name: minimal.zip\ncollections:\n"
    + collection("sources", "sources.yaml", "sources", "[a-z0-9-]+")
    + collection("concepts", "framework/concepts.yaml", "concepts", "C[1-9][0-9]*")
    + collection("principles", "framework/principles.yaml", "principles", "P[1-9][0-9]*")
    + collection("descriptions", "framework/descriptions.yaml", "rows", "D[1-9][0-9]*")
    + collection("skills", "framework/skills.yaml", "skills", "SK[1-9][0-9]*")
    + "".join(collection(k, f"vocabularies/{k}.yaml", k, f"{p}-[A-Z]+") for k, p in
              (("career_stages", "ST"), ("purposes", "PU"), ("forms", "FO"), ("phases", "PH")))
    + "".join(collection(*c, required=False) for c in OPTIONAL)
    + "pages:\n"
    + "".join(f"  - {{id: {k.replace('_', '-')}, path: {k}.md, title: {k}, template: vocabulary.md.j2, lists: [{k}]}}\n"
              for k in ("sources", "concepts", "principles", "descriptions", "skills", "career_stages", "purposes", "forms", "phases",
                        "terms", "practice_sites", "programmes", "agencies", "resources", "routes", "approaches"))
    + "".join(f"  - {{id: {k.replace('_', '-')}, path: '{k}/{{id}}.md', template: vocabulary.md.j2, shows: {k}}}\n"
              for k in ("case_studies", "evidence"))
)


def vocab(key: str, prefix: str) -> str:
    return (
        f"{key}:\n  - id: {prefix}-ONE\n    label: One\n    description: The first.\n    sources: [seed]\n"
        "    wording: {kind: editorial}\n    review: {status: published, date: 2026-01-01}\n"
    )


def minimal_content(root: Path) -> Path:
    files = {
        "site.yaml": SITE,
        "sources.yaml": SOURCES,
        "framework/concepts.yaml": CONCEPTS,
        "framework/principles.yaml": PRINCIPLES,
        "framework/descriptions.yaml": DESCRIPTIONS,
        "framework/skills.yaml": SKILLS,
        "vocabularies/career_stages.yaml": vocab("career_stages", "ST"),
        "vocabularies/purposes.yaml": vocab("purposes", "PU"),
        "vocabularies/forms.yaml": vocab("forms", "FO"),
        "vocabularies/phases.yaml": vocab("phases", "PH"),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def problems_for(tmp_path: Path, name: str, text: str) -> list[str]:
    content = minimal_content(tmp_path / "content")
    (content / name).parent.mkdir(parents=True, exist_ok=True)
    (content / name).write_text(text, encoding="utf-8")
    _, problems = load_library(content, shown_root=tmp_path)
    return [str(p) for p in problems]
