"""Rule data (word lists, patterns) kept apart from the logic that uses it."""
