"""mcframe: the National Framework for Mentoring and Coaching, published from YAML."""

# The one place the edition's version is set: the package, the zip name and the site footer read it.
__version__ = "0.1.0"
