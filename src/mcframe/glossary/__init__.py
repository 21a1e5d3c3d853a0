"""The hotlinked glossary: a term matcher, a Markdown tree processor that links terms while pages are
converted, and the usage record behind each entry's "Used on" list."""
