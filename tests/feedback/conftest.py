from tests.review.conftest import client_for, guide, make_user, users  # noqa: F401
