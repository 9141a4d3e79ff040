"""Search on the web: the page, the JSON API, the Atom feed, CSV export, related content."""
