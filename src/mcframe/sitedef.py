"""The site definition, ``content/site.yaml``: who publishes what, which collections of content the
site has and where their files are, and which pages exist in which order.

Everything that makes a site *this* framework rather than another lives there, so a different
framework, or another language edition of this one, builds with the same package.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated

from pydantic import Field, PrivateAttr

from .identity import Colours, Logo
from .inside import ContentFile, ContentGlob, FileNamePart, SitePath, TemplateName
from .language import ENGINE_LABELS, ENGLISH, Wordbook, Words
from .models import Markdown, Model, Slug, Text

# The engine's own words, in English; a site overrides them under `labels` (see language.py for the
# engine's words in other languages and a site's `translations`).
DEFAULT_LABELS: dict[str, str] = ENGINE_LABELS[ENGLISH]

Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]  # a collection's name: case_studies
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]  # a BCP 47 tag: "fr", "en-GB"
PagePath = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_{}-]+)*\.md$")]


class Edition(Model):
    number: FileNamePart  # "0.1": the edition of the content, not the version of the software; it goes into the zip's name
    date: datetime.date


class CollectionDecl(Model):
    """One collection of elements: its name, its kind, from which files, with IDs of which form."""

    name: Name  # the site's own name for it: case_studies, descriptors, core_knowledge ...
    kind: Name  # which kind of element it holds (see mcframe.kinds): concept, vocabulary, case_study ...
    file: ContentGlob  # a file, or a glob for one element a file, under content/
    key: Text | None = None  # the key of the list of elements in the file; none: one element a file
    id_pattern: Text  # the form of every ID (a regular expression the whole ID must match)
    required: bool = False  # a build without these files is an error
    label: Text  # one element, as a reader calls it: "case study"
    plural: Text  # the collection as a heading: "Case studies"
    backlinks: Text | None = None  # heading of the list of these that refer to an element; none: not listed
    # Which collection a reference of these elements takes its IDs from, where the site has several of
    # that kind: {forms: practice_forms}, by the reference's role (or kind). Usually not needed.
    links: dict[Name, Name] = {}


class Facet(Model):
    """A filter of a browse page."""

    key: Slug
    label: Text
    field: Text  # the element's field holding the values; dots go into nested fields: setting.phases
    of: Name | None = None  # the values are IDs in this collection (labelled by its elements' titles)
    label_field: Text | None = None  # with ``of``: label options by this field of those elements instead
    values: Name | None = None  # label literal values from this group of the site's ``values``, in its order


class Card(Model):
    """An entry point on a page (the home page's cards): a link to a page with a line about it."""

    page: Slug  # the page it links to; a card whose page is absent is left out
    title: Text
    text: Text  # may say {count}: the number of elements in ``count``
    count: Name | None = None
    links: Name | None = None  # links to this collection's elements, before the text


class Action(Model):
    """A prominent link at the top of a page (the home page's buttons)."""

    page: Slug
    label: Text


class DownloadDecl(Model):
    export: Slug  # an export the engine makes: policy-grid-xlsx, policy-grid-csv
    path: SitePath  # where it lands in the site (a bundle of files: the folder they land in)
    label: Text


class PageDecl(Model):
    """One page, or with ``shows`` one page for each element of a collection."""

    id: Slug  # how templates and cards name the page: page("glossary")
    path: PagePath  # source path; with ``shows``, "{id}" stands for the element's ID in lower case
    title: Text | None = None  # required, except on element pages, whose title is the element's
    nav: Text | None = None  # label in the navigation, when not the title; on element pages, a group
    in_nav: bool = True  # element pages out of the navigation keep it the same size however many there are
    # A list page with more elements than this is split into an index and one page per initial
    # letter ({letter}.md beside it), a letter with more than this into parts ({letter}-2.md…), so
    # that no page holds more than this many elements.
    split_above: Annotated[int, Field(ge=1)] | None = None
    parent: Slug | None = None  # the page an element page belongs under (its index): breadcrumb and pager
    section: Text | None = None  # the navigation section it sits in
    group: Text | None = None  # a folded group within its section, shared by the pages that name it
    template: TemplateName | None = None  # none: a hand-written page in docs/, at ``path``
    lists: list[Name] = []  # elements of these collections have their anchor on this page
    shows: Name | None = None  # one page for each element of this collection
    browses: Name | None = None  # an index of a collection whose elements have pages of their own
    when: list[Name] | None = None  # shown only when one of these has elements; default: lists, shows, browses
    intro: Markdown | None = None  # the page's opening prose, when its collection file has no intro
    outro: Markdown | None = None  # prose after the page's body
    language: Language | None = None  # a page in another language than the site's: "fr", "cy"
    hide: list[Text] = []  # parts of the page furniture to hide (navigation, toc)
    search_boost: Annotated[float, Field(gt=0, le=10)] | None = None  # above 1 ranks the page higher in search
    facets: list[Facet] = []
    cards: list[Card] = []
    actions: list[Action] = []  # the first is the main one
    downloads: list[DownloadDecl] = []


class PosterDecl(Model):
    """What the A3 poster (the export poster-a3-pdf) shows, top to bottom."""

    shows: Annotated[list[Name], Field(min_length=1)]  # collections, each as its kind draws it
    title: Text | None = None  # the line under the site's name; default: the label poster_title


class SiteDef(Model):
    title: Text
    subtitle: Text | None = None
    description: Text
    publisher: Text
    licence: Text
    contact: Text | None = None
    address: Annotated[str, Field(pattern=r"^https?://\S+/$")] | None = None  # where the site is published, if online
    language: Language
    colours: Colours | None = None  # the palette: header and links; none: the theme's own
    logo: Logo | None = None  # a file under content/ and its alt text, or none; not given: the engine's mark
    favicon: ContentFile | None = None  # a file under content/; none: the logo's file, or the engine's mark
    edition: Edition
    zip_name: Annotated[str, Field(pattern=r"^[A-Za-z0-9._{}-]+\.zip$")]  # "{edition}" is the edition number
    labels: dict[str, Text] = {}  # words the templates use, by key, in the site's language: labels.source ...
    translations: dict[Language, dict[str, Text]] = {}  # the same for pages in other languages: translations.fr.source
    values: dict[str, dict[str, Text]] = {}  # labels of fields' literal values: values.stage.emerging
    collections: Annotated[list[CollectionDecl], Field(min_length=1)]
    pages: Annotated[list[PageDecl], Field(min_length=1)]
    poster: PosterDecl | None = None  # needed when a page offers the A3 poster
    _wordbook: Wordbook | None = PrivateAttr(default=None)

    @property
    def zip_filename(self) -> str:
        return self.zip_name.replace("{edition}", self.edition.number)

    def label(self, key: str) -> str:
        """One of the words the templates use, in the site's language: the site's own, or else the engine's."""
        return self.words()(key)

    def words(self, language: str | None = None) -> Words:
        """The labels of pages in ``language`` (default: the site's)."""
        return self.wordbook().words(language)

    def wordbook(self) -> Wordbook:
        if self._wordbook is None:
            self._wordbook = Wordbook(self.language, self.labels, self.translations)
        return self._wordbook

    def collection(self, name: str) -> CollectionDecl | None:
        return next((c for c in self.collections if c.name == name), None)


def about(page: PageDecl) -> str | None:
    """The collection a page is about: the one it shows, browses or lists first."""
    return page.shows or page.browses or (page.lists[0] if page.lists else None)


def id_matches(decl: CollectionDecl, id: str) -> bool:
    return re.fullmatch(decl.id_pattern, id) is not None
