"""mcframe: publishes a framework (first of all the National Framework for Mentoring and Coaching) from YAML."""

# The version of the software. The edition of the content is a different thing: it is set in
# content/site.yaml, and the zip name, the footer and the exports carry it.
__version__ = "0.2.0"
