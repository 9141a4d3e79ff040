"""The Elasticsearch engine: client, index definitions, query building, store and engine."""
