"""Where a study's identifiers lead: one place for the PubMed and DOI addresses.

The guide page's references and its schema.org citations both link through these.
"""

from urllib.parse import quote


def pubmed_url(pmid):
    """The PubMed page of a PubMed ID, or None when there is none."""
    return f"https://pubmed.ncbi.nlm.nih.gov/{quote(str(pmid))}/" if pmid else None


def doi_url(doi):
    """The doi.org resolver's address for a DOI, or None when there is none."""
    return f"https://doi.org/{quote(str(doi), safe='/')}" if doi else None
