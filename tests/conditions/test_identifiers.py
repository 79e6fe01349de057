"""A study's PubMed ID and DOI lead to one address each, wherever the site links them."""

from conditions.identifiers import doi_url, pubmed_url


def test_a_pmid_leads_to_its_pubmed_page():
    assert pubmed_url("28182367") == "https://pubmed.ncbi.nlm.nih.gov/28182367/"


def test_a_doi_leads_to_the_resolver_keeping_its_slash_and_escaping_the_rest():
    assert doi_url("10.17226/24625") == "https://doi.org/10.17226/24625"
    assert doi_url("10.1002/(SICI)1097 x") == "https://doi.org/10.1002/%28SICI%291097%20x"


def test_a_missing_identifier_has_no_address():
    assert pubmed_url("") is None
    assert doi_url(None) is None
