"""The recipe model and its loader (JSON Schema validated, once, at start-up)."""
