from __future__ import annotations

from sanctions_tracker.checks.source_text import Document, normalise_document, normalise_quote

from .conftest import DOCUMENTS


def test_cut_off_wordpress_json_is_decoded_without_parsing() -> None:
    text = normalise_document((DOCUMENTS / "cut-off-wordpress.json.txt").read_bytes())
    assert "Officials confirmed the list grew by 1,000 items." in text
    assert "Notice 'extended'" in text
    assert 'The list "now holds" 2,500 entries & more' in text


def test_quotes_fold_like_documents() -> None:
    folded = normalise_quote("  Korea\u2019s   \u201clist\u201d&amp;\n more ")
    assert folded == "Korea's \"list\"& more"


def test_block_tags_keep_paragraphs_apart() -> None:
    document = Document(b'{"content":"<p>first end.<\\/p><p>Second start<\\/p>"}')
    assert document.contains("first end.")
    assert document.contains("Second start")
    assert not document.contains("first end. Second start")
    assert not document.contains("first end.Second start")


def test_surrogate_pairs_are_joined() -> None:
    assert "\U0001F600" in normalise_document(b'{"a":"\\ud83d\\ude00"}')
