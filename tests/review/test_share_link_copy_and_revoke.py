"""The share page's Copy button, and revoking that asks first."""

from django.urls import reverse

from review.models import ShareLink

from .test_share_links import make_link, share_url


def test_new_link_has_a_copy_button_run_by_a_static_script(guide, client_for):
    editor = client_for("editor")
    response = editor.post(share_url(guide), {"note": "Dr Lee", "days": 7})
    content = response.content.decode()
    assert 'data-copy-link="new-share-link"' in content
    assert "Copy link" in content
    assert "/static/js/copy-link.js" in content


def test_revoke_asks_for_confirmation_first(guide, client_for, client):
    editor = client_for("editor")
    url = make_link(editor, guide)
    link = ShareLink.objects.get()

    listing = editor.get(share_url(guide)).content.decode()
    assert f'href="?revoke={link.pk}"' in listing  # A plain link: no JavaScript needed.

    confirm = editor.get(share_url(guide), {"revoke": link.pk})
    assert confirm.status_code == 200
    assert "Yes, revoke it" in confirm.content.decode()
    assert client.get(url).status_code == 200  # Asking changed nothing.

    response = editor.post(share_url(guide), {"revoke": link.pk})
    assert response.status_code == 302
    assert client.get(url).status_code == 410


def test_confirmation_for_an_unknown_or_revoked_link_goes_back_to_the_list(guide, client_for):
    editor = client_for("editor")
    make_link(editor, guide)
    link = ShareLink.objects.get()
    editor.post(share_url(guide), {"revoke": link.pk})
    for value in (link.pk, "nope", "999999"):
        response = editor.get(share_url(guide), {"revoke": value})
        assert response.status_code == 302
        assert response["Location"] == reverse("review_share_links", args=[guide.pk])


def test_revoking_a_malformed_link_id_goes_back_to_the_list(guide, client_for):
    editor = client_for("editor")
    make_link(editor, guide)
    response = editor.post(share_url(guide), {"revoke": "nope"}, follow=True)
    assert response.status_code == 200
    assert "not one of this guide" in response.content.decode()
    assert ShareLink.objects.get().revoked_at is None
