"""Narrow, documented fixes for third-party packages that we cannot pin our way out of.

Each module here fixes one known upstream bug, checks that it is looking at exactly the
release it was written for, and does nothing otherwise. None of them edits site-packages.
"""
