"""Typed models of the content. One class per kind of element; YAML maps onto them field by field.

IDs are short, stable codes (``C2``, ``P3``, ``ST-NQT``): titles and wording may change, IDs may not,
because page anchors and permalinks derive from them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr


@dataclass(frozen=True)
class Ref:
    """Marks a field whose text must be the ID of an element of ``kind``.

    Which collection that is, is the site's choice: the one named under the referring collection's
    ``links`` (by ``role``, or else by kind), else the collection of that kind named ``role``, else the
    only collection of that kind. ``role`` says what the field means ("forms", "career_stages")."""

    kind: str
    role: str | None = None

    @property
    def key(self) -> str:
        """What the site's ``links`` call this reference."""
        return self.role or self.kind


@dataclass(frozen=True)
class IsMarkdown:
    """Marks a field whose text is Markdown (other text is shown exactly as written)."""


class Model(BaseModel):
    # Unknown fields are errors (typos must not vanish silently); no silent type coercion.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")]

class Element(Model):
    """Anything with a stable ID that other content may refer to."""

    kind: ClassVar[str]  # the kind of element: its model, as site.yaml's collections name it
    # The field that names an element in links, lists and navigation; or, with ``title_from``, the
    # reference whose target's title names it (an evidence digest is named by its source).
    title_field: ClassVar[str] = "title"
    title_from: ClassVar[str | tuple[str, ...] | None] = None  # several: the first that is set
    blurb_field: ClassVar[str | None] = None  # a short line shown after the title in lists
    blurb_from: ClassVar[tuple[str, str] | None] = None  # or (reference, field): a field of its target
    referred_to: ClassVar[bool] = False  # lint warns of an element of this kind that nothing refers to
    citable: ClassVar[bool] = True  # has a reference of its own ("Cite this"); sources are other people's works
    belongs_to: ClassVar[str | None] = None  # a reference field naming what it belongs to: what refers to it refers to that too
    printed_under: ClassVar[str | None] = None  # a kind whose elements print these under their own, in the PDF
    id: Id
    _collection: str = PrivateAttr(default="")  # set by the library: the site's name of its collection

    @property
    def collection(self) -> str:
        """The name of the collection this element belongs to, as site.yaml declares it."""
        return self._collection

    @property
    def key(self) -> tuple[str, str]:
        """(collection, ID): what identifies an element across the site."""
        return (self._collection, self.id)

    @property
    def anchor(self) -> str:
        return self.id.lower()

    def checks(self) -> list[tuple[tuple[str | int, ...], str]]:
        """What this kind requires beyond its fields' types: (place within the element, message)."""
        return []


Text = Annotated[str, Field(min_length=1)]
Markdown = Annotated[str, Field(min_length=1), IsMarkdown()]  # rendered as Markdown; plain Text is escaped
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?")
# Characters a URL may hold that would end a Markdown link or an HTML attribute early: written percent-encoded.
_URL_ENCODED = {"(": "%28", ")": "%29", "'": "%27", "[": "%5B", "]": "%5D", "*": "%2A"}


def web_address(value: str) -> str:
    """An http(s) address as RFC 3986 writes it (no spaces, quotes, ``<``, ``>``, braces or
    backslashes), with the characters that would close a Markdown link percent-encoded after the
    host, so that the same value is safe in Markdown, HTML and every citation file."""
    if not _URL.fullmatch(value):
        raise ValueError(
            "must be a web address starting http:// or https://, with a host name and without spaces, quotes, "
            "<, >, {, }, |, \\, ^ or ` (write such characters percent-encoded, e.g. %20 for a space)"
        )
    at = next((i for i, c in enumerate(value) if c in "/?#" and i > value.index("://") + 2), len(value))
    return value[:at] + "".join(_URL_ENCODED.get(c, c) for c in value[at:])


Url = Annotated[str, AfterValidator(web_address), Field(json_schema_extra={"pattern": f"^{_URL.pattern}$"})]
SourceRef = Annotated[str, Ref("source")]
ConceptRef = Annotated[str, Ref("concept")]
TermRef = Annotated[str, Ref("term")]
Sources = Annotated[list[SourceRef], Field(min_length=1)]

class Wording(Model):
    """Whose words a text is in: *quoted* from a named source (with where in it, when known), a
    *summary* of a named source in this edition's words, or *editorial*: this edition's own."""

    kind: Literal["quoted", "summary", "editorial"]
    source: SourceRef | None = None  # required for quoted and summary; for editorial, what it draws on
    where: Text | None = None  # page, section, table or figure of the source


class Review(Model):
    """Where an element stands. Drafts are for editors: the published build leaves them out."""

    status: Literal["draft", "reviewed", "published"]
    date: datetime.date  # when it was last reviewed
    note: Text | None = None  # for editors only: never shown in the published build


class Sourced(Element):
    """An element of content: it names its sources, says whose words it is in, and where it stands.

    ``editorial`` names the fields that are always this edition's own words (suggestions, judgements,
    questions, mappings), whatever the element's main wording; they are marked as such wherever shown.
    """

    editorial: ClassVar[tuple[str, ...]] = ()
    wording: Wording
    review: Review

    def own_sources(self) -> list[str]:
        """The sources this element names: those its wording may be quoted from or summarise."""
        return list(getattr(self, "sources", []))


FormRef = Annotated[str, Ref("vocabulary", "forms")]
PurposeRef = Annotated[str, Ref("vocabulary", "purposes")]
CareerStageRef = Annotated[str, Ref("vocabulary", "career_stages")]
PhaseRef = Annotated[str, Ref("vocabulary", "phases")]
PrincipleRef = Annotated[str, Ref("principle")]
SkillRef = Annotated[str, Ref("skill")]
CaseStudyRef = Annotated[str, Ref("case_study")]
AgencyRef = Annotated[str, Ref("agency")]

class Figure(Model):
    """A number exactly as the source gives it, with where it stands in the source."""

    label: Text
    value: float | int
    unit: Text | None = None  # "%", "principals", "points"
    where: Text  # "Table 1", "p. 7", "section 3"


class Series(Model):
    name: Text
    values: Annotated[list[float | int], Field(min_length=1)]


class Chart(Model):
    """Figures over time or across groups, drawn at build time as an accessible SVG with its table."""

    id: Slug
    title: Text
    description: Text  # what the chart shows, for screen readers and as its caption
    type: Literal["bar", "line"] = "bar"
    categories: Annotated[list[Text], Field(min_length=1)]  # x axis: sessions, groups
    series: Annotated[list[Series], Field(min_length=1)]
    unit: Text | None = None
    where: Text  # where in the source the numbers come from


class Link(Model):
    title: Text
    url: Url


Stage = Literal["getting-aware", "getting-ready", "getting-started", "getting-better", "keep-improving"]
AreaRef = Annotated[str, Ref("indicator_area")]
EvidenceRef = Annotated[str, Ref("evidence")]
PageRef = Annotated[str, Ref("page")]  # the ID of a page in site.yaml
DescriptionRef = Annotated[str, Ref("description")]
QuestionRef = Annotated[str, Ref("question")]
