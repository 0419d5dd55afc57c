"""The domain: partial dates, statuses, names and the records the library returns."""
