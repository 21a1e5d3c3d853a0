"""Typed models of the content. One class per kind of element; YAML maps onto them field by field.

IDs are short, stable codes (``C2``, ``P3``, ``ST-NQT``): titles and wording may change, IDs may not,
because page anchors and permalinks derive from them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr


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


# IDs become anchors and file names: letters and digits, in parts joined by single hyphens. The exact
# form of each collection's IDs (P1, CS01, ST-NQT) is declared with the collection.
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
Url = Annotated[str, Field(pattern=r"^https?://\S+$")]

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


# --- Sources: every element names at least one -------------------------------------------

SourceType = Literal[
    "report",
    "book",
    "book-chapter",
    "journal-article",
    "systematic-review",
    "conference-paper",
    "practitioner-article",
    "blog-post",
    "web-page",
    "policy-document",
]


class Source(Element):
    kind = "source"
    id: Id
    type: SourceType
    authors: list[Text] = []  # "Surname, I." in citation order; empty when the author is not known
    organisation: Text | None = None  # corporate author, when there is one
    year: int | None = None
    title: Text
    container: Text | None = None  # journal, book, proceedings or website the item sits in
    edition: Text | None = None
    volume: Text | None = None
    pages: Text | None = None
    publisher: Text | None = None
    place: Text | None = None
    url: Url | None = None
    doi: Annotated[str, Field(pattern=r"^10\.\S+/\S+$")] | None = None
    accessed: datetime.date | None = None
    note: Text | None = None  # provenance: what this source is and how we used it


# --- The framework core --------------------------------------------------------------------


class Concept(Sourced):
    kind = "concept"
    referred_to = True
    blurb_field = "summary"
    editorial = ("features",)
    id: Id
    title: Text
    summary: Text  # one sentence, shown in lists and previews
    definition: Markdown
    features: Annotated[list[Text], Field(min_length=1)]  # what distinguishes it
    sources: Sources


class Principle(Sourced):
    kind = "principle"
    referred_to = True
    editorial = ("in_practice",)
    id: Id
    title: Text
    explanation: Markdown
    in_practice: list[Text] = []  # what the principle looks like when it is working
    sources: Sources


class DescriptionCell(Model):
    concept: ConceptRef
    text: Markdown


class DescriptionRow(Sourced):
    """One row of the descriptions table: a question (why, who, ...) answered for each concept."""

    kind = "description"
    id: Id
    question: Text | None = None  # the question the row answers ("why", "who"...), shown after its title
    title: Text  # "Purpose", "Participation", ...
    cells: Annotated[list[DescriptionCell], Field(min_length=1)]
    sources: Sources


class Skill(Sourced):
    kind = "skill"
    referred_to = True
    editorial = ("used_in",)
    id: Id
    title: Text
    description: Markdown
    used_in: Annotated[list[ConceptRef], Field(min_length=1)]
    sources: Sources


class Vocabulary(Sourced):
    """An entry of a controlled vocabulary (career stages, purposes, forms of practice...) that other
    content is tagged with. A site may have any number of vocabularies, each a collection of this kind."""

    kind = "vocabulary"
    title_field = "label"
    id: Id
    label: Text
    description: Markdown
    concept: ConceptRef | None = None  # the core concept this entry belongs to, if any
    sources: Sources


# --- Glossary ------------------------------------------------------------------------------


class Term(Sourced):
    kind = "term"
    title_field = "term"
    id: Id
    term: Text  # the headword, as it is normally written
    variants: list[Text] = []  # other forms: spellings, synonyms, irregular plurals
    abbreviation: Text | None = None  # e.g. NQT; matched in running text too
    exclude: list[Text] = []  # longer phrases that contain the term but mean something else: never linked
    definition: Text  # one or two sentences of plain text, shown in previews
    explanation: Markdown | None = None
    related: list[TermRef] = []
    sources: Sources


# --- Shared by case studies and evidence -----------------------------------------------------

# Tags from the site's vocabularies: the role names the collection a field takes its values from,
# unless the referring collection's ``links`` in site.yaml name another.
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


# --- Case studies and the practice directory ---------------------------------------------------


class Setting(Model):
    name: Text
    type: Text  # "Middle school", "Multi-academy trust", "National ministry programme"
    phases: list[PhaseRef] = []
    area: Text | None = None  # town or area
    region: Text | None = None
    country: Text


class Obstacle(Model):
    obstacle: Text
    response: Text | None = None  # how it was met, when the source says


class Outcome(Model):
    text: Markdown
    figures: list[Figure] = []


class CaseStudy(Sourced):
    kind = "case_study"
    referred_to = True
    blurb_field = "label"
    editorial = ("questions", "stage", "stage_reason")
    id: Id
    title: Text
    label: Text  # short practice label: "Emerging practice: peer coaching"
    setting: Setting
    period: Text | None = None
    illustrates: Markdown  # what this case helps illustrate
    # Where the practice stood, on the scale of preparation and progress stages this edition takes from
    # its source on instructional coaching (getting aware ... keep improving): this edition's judgement.
    stage: Literal["getting-aware", "getting-ready", "getting-started", "getting-better", "keep-improving"]
    stage_reason: Text  # one sentence: why this stage
    forms: Annotated[list[FormRef], Field(min_length=1)]
    purposes: list[PurposeRef] = []
    career_stages: list[CareerStageRef] = []
    participants: list[Text] = []  # who
    activities: list[Text] = []  # what
    locations: list[Text] = []  # where
    concepts: list[ConceptRef] = []
    principles: list[PrincipleRef] = []
    skills: list[SkillRef] = []
    story: Markdown
    processes: list[Text] = []  # processes and protocols used
    obstacles: list[Obstacle] = []
    outcomes: list[Outcome] = []
    charts: list[Chart] = []
    questions: Annotated[list[Text], Field(min_length=1)]  # for the reader's own setting
    related: list[CaseStudyRef] = []
    sources: Sources
    provenance: Markdown  # how the evidence was gathered, and when


class PracticeSite(Sourced):
    kind = "practice_site"
    referred_to = True
    title_field = "name"
    id: Id
    name: Text
    type: Literal["school", "network", "local-authority", "university", "programme", "trust", "ministry"]
    area: Text | None = None
    region: Text | None = None
    country: Text
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]
    focus: Markdown
    case_studies: list[CaseStudyRef] = []
    sources: Sources


# --- Evidence, policy and resources ------------------------------------------------------------


class Finding(Model):
    text: Markdown
    where: Text | None = None  # where in the source: "Table 1", "chapter 4"
    figures: list[Figure] = []


class EvidenceDigest(Sourced):
    kind = "evidence"
    referred_to = True
    title_from = "source"
    editorial = ("implications", "limitations")
    id: Id
    source: SourceRef  # the full citation lives in sources.yaml
    summary: Markdown
    findings: Annotated[list[Finding], Field(min_length=1)]
    processes: list[Text] = []  # processes and skills the source describes
    implications: list[Text] = []
    limitations: Annotated[list[Text], Field(min_length=1)]  # what this does not tell you
    concepts: list[ConceptRef] = []
    principles: list[PrincipleRef] = []
    skills: list[SkillRef] = []
    case_studies: list[CaseStudyRef] = []
    charts: list[Chart] = []


class Agency(Sourced):
    kind = "agency"
    title_field = "name"
    id: Id
    name: Text
    abbreviation: Text
    description: Markdown
    sources: Sources


class Link(Model):
    title: Text
    url: Url




class Programme(Sourced):
    """One row of the policy grid. A cell left empty (null) is one this edition does not map."""

    kind = "programme"
    title_field = "name"
    blurb_from = ("agency", "abbreviation")
    editorial = ("why", "who", "what", "when", "forms", "requirement")
    id: Id
    agency: AgencyRef
    name: Text
    description: Markdown | None = None
    why: list[PurposeRef] | None = None
    who: Text | None = None
    what: Text | None = None
    when: list[CareerStageRef] | None = None
    forms: list[FormRef] | None = None
    requirement: Literal["required", "suggested"] | None = None
    links: list[Link] = []
    sources: Sources


class Resource(Sourced):
    """An entry of the annotated index of websites."""

    kind = "resource"
    id: Id
    title: Text
    organisation: Text | None = None
    url: Url
    annotation: Text  # one line: what a reader finds there
    checked: datetime.date  # when the link was last checked
    status: Literal["live", "archived", "unverified"] = "unverified"
    sources: Sources


# --- Success indicators ------------------------------------------------------------------------

Stage = Literal["getting-aware", "getting-ready", "getting-started", "getting-better", "keep-improving"]
AreaRef = Annotated[str, Ref("indicator_area")]
EvidenceRef = Annotated[str, Ref("evidence")]


class StageDescriptions(Model):
    """What provision looks like at each stage of the scale (two of preparation, three of progress)."""

    getting_aware: Text
    getting_ready: Text
    getting_started: Text
    getting_better: Text
    keep_improving: Text


class IndicatorArea(Sourced):
    """An area that the success indicators and the self-review look at."""

    kind = "indicator_area"
    editorial = ("stages",)
    id: Id
    title: Text
    summary: Text  # what the area is about, in one sentence
    stages: StageDescriptions
    sources: Sources


class Question(Sourced):
    """A question to put to a provider, or to review a school's own provision, and what it rests on."""

    kind = "question"
    title_field = "text"
    id: Id
    area: AreaRef
    text: Text
    audiences: Annotated[list[Literal["provider", "own"]], Field(min_length=1)]
    # Its basis: at least one of these.
    principles: list[PrincipleRef] = []
    concepts: list[ConceptRef] = []
    skills: list[SkillRef] = []
    evidence: list[EvidenceRef] = []
    case_studies: list[CaseStudyRef] = []
    sources: Sources

    @property
    def basis(self) -> list[tuple[str, str]]:
        """(kind, ID) of everything the question rests on."""
        return [
            *(("principle", i) for i in self.principles),
            *(("concept", i) for i in self.concepts),
            *(("skill", i) for i in self.skills),
            *(("evidence", i) for i in self.evidence),
            *(("case_study", i) for i in self.case_studies),
        ]

    def checks(self) -> list[tuple[tuple[str | int, ...], str]]:
        if self.basis:
            return []
        return [((), f"question '{self.id}' has no basis: name at least one principle, concept, skill, digest or case study")]


# --- The framework's diagrams ----------------------------------------------------------------------


class Activity(Sourced):
    """An activity of mentoring and coaching, placed in one circle of the core concepts or an overlap."""

    kind = "activity"
    editorial = ("circles", "reason")
    id: Id
    title: Text
    circles: Annotated[list[ConceptRef], Field(min_length=1, max_length=3)]
    reason: Text  # why it sits there
    skills: list[SkillRef] = []
    terms: list[TermRef] = []
    case_studies: list[CaseStudyRef] = []
    sources: Sources


class LeadershipStage(Sourced):
    """One stage of the path from initial teacher education to leadership, with its two strands."""

    kind = "leadership_stage"
    title_from = "stage"
    editorial = ("support", "content", "focus")
    id: Id
    stage: CareerStageRef
    support: Text  # the context and specialist support at this stage
    content: Text  # the content of coaching
    focus: Literal["pedagogy", "both", "organisation", "reconnected"]
    sources: Sources


# --- Ways in: routes by role, and which approach when ---------------------------------------------

PageRef = Annotated[str, Ref("page")]  # the ID of a page in site.yaml
DescriptionRef = Annotated[str, Ref("description")]
QuestionRef = Annotated[str, Ref("question")]


class RouteStep(Model):
    """One step of a route: a page of the site or one element (exactly one), and why to go there."""

    page: PageRef | None = None
    concept: ConceptRef | None = None
    principle: PrincipleRef | None = None
    skill: SkillRef | None = None
    case_study: CaseStudyRef | None = None
    evidence: EvidenceRef | None = None
    term: TermRef | None = None
    question: QuestionRef | None = None
    why: Text

    @property
    def targets(self) -> list[tuple[str, str]]:
        """(kind, ID) of what the step names; "page" for a page. Valid content names exactly one."""
        return [(name, value) for name in type(self).model_fields if name != "why" and (value := getattr(self, name))]


class Route(Sourced):
    """A short way in for one kind of reader (a new mentor, a CPD coordinator): a few steps, in order."""

    kind = "route"
    blurb_field = "who"
    editorial = ("steps",)
    id: Id
    title: Text  # the reader it is for: "New mentor"
    who: Text  # who they are, in a line
    steps: Annotated[list[RouteStep], Field(min_length=2, max_length=8)]
    sources: Sources

    def checks(self) -> list[tuple[tuple[str | int, ...], str]]:
        out: list[tuple[tuple[str | int, ...], str]] = []
        for i, step in enumerate(self.steps):
            if len(step.targets) != 1:
                named = ", ".join(k for k, _ in step.targets) or "nothing"
                out.append((("steps", i), f"a step goes to exactly one page or element, not {named}"))
        return out


class Fit(Model):
    """How one core concept fits a situation, and which rows of the descriptions table say so."""

    concept: ConceptRef
    level: Literal["best", "also"]
    why: Text
    rows: Annotated[list[DescriptionRef], Field(min_length=1)]


class Approach(Sourced):
    """Which approach when: for a purpose or a career stage (exactly one), the forms that fit and why."""

    kind = "approach"
    title_from = ("purpose", "career_stage")
    editorial = ("fits",)
    id: Id
    purpose: PurposeRef | None = None
    career_stage: CareerStageRef | None = None
    fits: Annotated[list[Fit], Field(min_length=1)]
    sources: Sources

    def checks(self) -> list[tuple[tuple[str | int, ...], str]]:
        if (self.purpose is None) == (self.career_stage is None):
            return [((), f"'{self.id}' is for one purpose or one career stage: give exactly one of them")]
        return []


# --- Editions --------------------------------------------------------------------------------------


class Change(Model):
    id: Text  # the element's ID (an element retired in this edition no longer exists)
    change: Literal["added", "reworded", "retired"]
    note: Text | None = None


class EditionEntry(Element):
    """One edition of the library in the changelog: its number, date and what changed, element by element."""

    kind = "edition"
    title_field = "number"
    id: Id
    number: Text
    date: datetime.date
    summary: Text
    changes: list[Change] = []
