// Replaced by the frontend sources.
