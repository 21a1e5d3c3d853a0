"""The one place MkDocs meets mcframe. Everything else in the package is free of MkDocs, so a move to
another static-site engine (Material's successor, Zensical) touches only this folder.
"""
