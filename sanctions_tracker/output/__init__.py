"""Output: what the checked data becomes for people and other tools.

Stage five of the flow (read -> validate -> structure -> check -> **output**). It owns reports
as values (:mod:`.report`) and their text, HTML, CSV and JSON forms (:mod:`.render`), one record
shown whole (:mod:`.show`), exports (:mod:`.export`), differences between two data folders
(:mod:`.diff`), and writing files so that nothing is left half-written or destroyed
(:mod:`.atomic_write`, :mod:`.spreadsheet`). It may import every stage before it.
"""
