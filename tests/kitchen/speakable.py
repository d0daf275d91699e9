"""What must never reach a speech engine: abbreviations, symbols and unicode fractions."""

import re

UNSPEAKABLE = re.compile(
    r"tsp|tbsp|\blbs?\b|\boz\b|\bml\b|\bg\b|\bkg\b|\bl\b|\bcm\b|\bmm\b|\bfl\b|\bin\b"
    r"|°|/|–|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]"
)
