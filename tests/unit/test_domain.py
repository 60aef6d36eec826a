"""The domain's lookups on hand-written records: names, clashes, referrers and A–Z order."""

from __future__ import annotations

from sphinx_aiguide.domain import AIGuideDomain

from ..helpers import fake_domain
from .records import concept, faq


def domain_with(*records: object, language: str | None = None) -> AIGuideDomain:
    domain = fake_domain(language=language)
    for record in records:
        domain.note_concept(record)  # type: ignore[arg-type]
    return domain


def test_terms_and_aliases_match_in_any_case_and_spacing() -> None:
    llm = concept("Large Language Model", "llm", aliases=["LLM", "foundation model"])
    domain = domain_with(llm, concept("Tokenizer", "tokenizer"))
    for name in ("large language model", "LARGE  LANGUAGE\nMODEL", "llm", "Foundation Model"):
        assert domain.find(name) is llm, name
    assert domain.find("language model") is None


def test_the_first_definition_by_page_name_wins_and_the_later_is_reported() -> None:
    first = concept("Alignment", "alignment")
    later = concept("Clash", "clash", aliases=["ALIGNMENT", "Other"])
    alias_clash = concept("Benchmark", "benchmark", aliases=["Ben1"])
    alias_again = concept("Bench Mark", "clash", aliases=["ben1"])
    domain = domain_with(later, first, alias_clash, alias_again)
    assert domain.find("alignment") is first
    assert domain.find("ben1") is alias_clash
    # each clash named as the later definition spells it
    assert list(domain.duplicates()) == [
        ("ALIGNMENT", first, later), ("ben1", alias_clash, alias_again)]
    # listings and exports show a term defined twice once
    assert [record["term"] for record in domain.listed()] == [
        "Alignment", "Benchmark", "Clash", "Bench Mark"]


def test_a_name_used_twice_within_one_concept_is_no_clash() -> None:
    domain = domain_with(concept("LLM", "llm", aliases=["llm", "Llm"]))
    assert list(domain.duplicates()) == []


def test_referrers_are_the_other_pages_that_link_by_any_name() -> None:
    alignment = concept("Value Alignment", "value-alignment", aliases=["alignment"])
    domain = domain_with(alignment, concept("Overfitting", "overfitting"))
    domain.data["refs"].update({
        "usage": ["alignment", "nowhere"],  # lookup keys, as pages store them
        "value-alignment": ["value alignment"],  # a page linking to itself
        "glossary": ["value alignment"],
        "zero-shot": ["overfitting"],
    })
    assert domain.referrers(alignment) == ["glossary", "usage"]
    assert domain.linking_pages() == ["glossary", "usage", "value-alignment", "zero-shot"]


def test_plural_forms_find_the_concept_but_never_shadow_a_name() -> None:
    embedding = concept("Embedding", "embedding")
    llm = concept("Large Language Model", "llm", aliases=["LLM"])
    model, models = concept("Model", "model"), concept("Models", "models")
    domain = domain_with(embedding, llm, model, models)
    assert domain.find("embeddings") is embedding
    assert domain.find("LLMs") is llm
    assert domain.find("large language models") is llm
    assert domain.find("models") is models  # a name of its own wins over a plural
    assert domain.find("modelss") is None


def test_mentions_count_as_links() -> None:
    alignment = concept("Value Alignment", "value-alignment")
    unused = concept("Unused", "unused")
    domain = domain_with(alignment, unused)
    domain.data["refs"]["usage"] = ["value alignment"]
    domain.note_mentions({"prose": ["value alignment"], "quiet": []}, names="x")
    assert domain.referrers(alignment) == ["prose", "usage"]
    assert domain.linking_pages() == ["prose", "usage"]  # a page with no mention is none
    assert domain.links_of("prose") == ["value alignment"]
    assert domain.unused() == [unused]
    assert domain.mentions_of("quiet") == [] and domain.mentions_of("usage") is None


def test_the_names_mentions_look_for_are_those_find_gives_back() -> None:
    first = concept("Alignment", "alignment", aliases=["align"])
    later = concept("Clash", "clash", aliases=["ALIGNMENT"])
    domain = domain_with(later, first)
    assert domain.mention_names() == ["Alignment", "align", "Clash"]
    assert [m.key for m in domain.matcher().find("alignment, clashes")] == ["alignment",
                                                                            "clash"]


def test_a_to_z_order_and_letters_follow_the_language() -> None:
    records = [concept(term, term.lower()) for term in
               ("Zebra", "Value Alignment", "Örebro", "Überanpassung", "apple")]
    english = domain_with(*records)
    assert [r["term"] for r in english.alphabetical()] == [
        "apple", "Örebro", "Überanpassung", "Value Alignment", "Zebra"]
    assert [letter for letter, _ in english.letter_groups()] == ["A", "O", "U", "V", "Z"]
    swedish = domain_with(*records, language="sv")
    assert [letter for letter, _ in swedish.letter_groups()] == ["A", "V", "Y", "Z", "Ö"]


def test_sort_as_places_and_files_a_concept() -> None:
    domain = domain_with(concept("The Transformer", "transformer", sort_as="Transformer"),
                         concept("Tokenizer", "tokenizer"), concept("Attention", "attention"),
                         concept("過学習", "overfitting", sort_as="かがくしゅう"),
                         concept("大規模言語モデル", "llm"))
    assert [(letter, [r["term"] for r in records]) for letter, records
            in domain.letter_groups()] == [
        ("A", ["Attention"]), ("T", ["Tokenizer", "The Transformer"]),
        ("か", ["過学習"]), ("大", ["大規模言語モデル"])]


def test_the_primary_concept_is_the_only_one_or_the_one_named_like_the_page() -> None:
    attention = concept("Attention", "transformer")
    transformer = concept("Transformer", "transformer")
    domain = domain_with(attention, transformer, concept("Encoder", "families"),
                         concept("Decoder", "families"), concept("Dropout", "dropout"))
    assert domain.primary_concept("transformer", "The  transformer") is None
    assert domain.primary_concept("transformer", "transformer") is transformer
    assert domain.primary_concept("families", "Model Families") is None
    assert domain.primary_concept("dropout", "Anything")["term"] == "Dropout"  # type: ignore[index]


def test_the_glossary_page_is_the_first_with_a_complete_index() -> None:
    domain = domain_with()
    assert domain.glossary_page() == "index"  # the root document while there is none
    domain.note_index("tagged", complete=False)
    domain.note_index("z-all", complete=True)
    domain.note_index("a-all", complete=True)
    assert domain.glossary_page() == "a-all"
    assert domain.index_pages() == ["a-all", "tagged", "z-all"]


def test_a_page_read_again_replaces_what_it_held() -> None:
    domain = domain_with(concept("Old", "page"), concept("Kept", "other"))
    domain.note_faq("page", faq("Old question?", "Old"))
    domain.clear_doc("page")
    assert domain.find("old") is None
    assert domain.faqs_of("page") == []
    assert domain.find("kept") is not None


def test_parallel_reads_merge_only_their_own_pages() -> None:
    main = domain_with(concept("Alignment", "alignment"))
    worker = domain_with(concept("Benchmark", "benchmark"), concept("Stray", "stray"))
    worker.note_faq("benchmark", faq("Why?", "Benchmark"))
    main.merge_domaindata({"benchmark"}, worker.data)
    assert [r["term"] for r in main.concepts()] == ["Alignment", "Benchmark"]
    assert main.find("benchmark") is not None  # lookups see what was merged
    assert main.find("stray") is None
    assert [f["question"] for f in main.faqs_of("benchmark")] == ["Why?"]
