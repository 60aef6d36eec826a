"""What only HTML output gets: head tags, JSON-LD, page addresses and the stylesheet."""
