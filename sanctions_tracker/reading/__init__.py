"""Reading: bytes on disk to plain Python data, refusing whatever could mislead or hurt.

Stage one of the flow (**read** -> validate -> structure -> check -> output). It owns the YAML
reader and its limits (:mod:`.yaml_reader`, with :func:`~.yaml_reader.locate` for line numbers)
and the discovery of data files (:mod:`.discovery`). It may import only ``findings`` and
``errors``.
"""
