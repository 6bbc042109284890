"""newsfacts: scraped news articles in, a validated fact warehouse out."""

# Bumped whenever parsing or extraction changes what lands in the database;
# `newsfacts run --reprocess` re-extracts articles loaded by an older version.
PIPELINE_VERSION = "0.3.0"
