"""Stage 4: one module of rules per fact type, each reading a sentence in its context."""
