"""Chancery's extraction engine: a news article in, plain data out.

No Django here. `pipeline.extract_article(path)` or `pipeline.extract_text(...)`
return an `Extraction`; `Extraction.to_json()` gives the format of
../shared/corpus/SCHEMA.md.
"""
