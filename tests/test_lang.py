"""Language identification: the model unpacked at install classifies as the shipped one."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
TEXTS = [
    "Der Bundestag hat am Dienstag beschlossen, dass die Brücke über den Fluss erneuert wird.",
    "Le gouvernement a annoncé mardi que le pont serait reconstruit avant l'hiver prochain.",
    "El ministro dijo el martes que el puente sería reconstruido antes del invierno.",
    "short one here",
]


def test_unpacked_model_classifies_as_the_shipped_one(tmp_path):
    import py3langid.langid as langid

    from headwater.lang import _load_unpacked, unpack_model

    path = unpack_model(tmp_path)
    assert path.is_file() and path.parent == tmp_path
    unpacked = _load_unpacked(path)
    shipped = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
    texts = TEXTS + [p.read_text(encoding="utf-8")[:1200] for p in sorted(EXAMPLES.glob("*.txt"))]
    assert [unpacked.classify(t) for t in texts] == [shipped.classify(t) for t in texts]
    assert unpacked.classify(TEXTS[0])[0] == "de"


def test_detect_language():
    from headwater.lang import detect_language

    assert detect_language(TEXTS[1]) == "fr"
    assert detect_language("two words") is None
