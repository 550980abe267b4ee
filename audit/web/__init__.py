"""The officers' self-check page (``audit serve``): a local web application over the same
pipeline as ``audit check``. Importing this package loads nothing heavy; see ``app``."""
