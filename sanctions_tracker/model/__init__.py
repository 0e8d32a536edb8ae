"""The model: typed, frozen records of the curated data, and loading them.

Stage three of the flow (read -> validate -> **structure** -> check -> output). It owns the
records (:mod:`.records`), identifiers (:mod:`.identifiers`), the one cattrs converter
(:mod:`.converter`), the :class:`~.dataset.Dataset` and :func:`~.load.load`, which reads each
file, validates it against its schema and structures its records. It may import ``findings``,
``reading`` and ``schema``.
"""
