from tests.factories import BodySystemFactory, ConditionPageFactory, full_body


def test_factory_makes_a_live_guide_with_a_live_revision(conditions_index, client):
    system = BodySystemFactory(name="Brain and nerves")
    guide = ConditionPageFactory(
        title="Dystonia", slug="dystonia", body=full_body(), body_systems=[system]
    )
    assert guide.live and guide.live_revision_id
    response = client.get("/en/conditions/dystonia/")
    assert response.status_code == 200
    assert "Brain and nerves" in response.content.decode()
