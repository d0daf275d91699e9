"""Kitchen arithmetic: amounts, units, scaling, temperatures, durations and how to say them.

Pure Python with small tables in code (no unit library): cheap to import in a Lambda cold start.
"""
