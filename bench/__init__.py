"""``make bench``: cookalong's performance against an ask-sdk-core hello-world floor.

Run ``make bench`` (or ``python -m bench --help``); see :mod:`bench.__main__`.
"""
