"""Visitors for `make loadtest` (benchmarks/loadtest.py): they read guides, search and
sign up to the newsletter, as people do, through the edge cache."""

import json
import os
import random
import uuid

from locust import HttpUser, between, events, task

GUIDES = [
    "dystonia",
    "multiple-sclerosis",
    "parkinsons-disease",
    "migraine",
    "epilepsy",
    "fibromyalgia",
    "chronic-pain",
    "insomnia",
    "glaucoma",
]
QUERIES = ["ms", "pain", "sleep", "seizures", "parkinson", "migrane", "nausea", "eye pressure"]
signups = []


def pick(choices):
    return random.choice(choices)  # noqa: S311 - which page a visitor reads, not a secret


class Visitor(HttpUser):
    wait_time = between(0.5, 2)

    @task(6)
    def read_a_guide(self):
        self.client.get("/en/")
        self.client.get(f"/en/conditions/{pick(GUIDES)}/", name="/en/conditions/[guide]/")

    @task(2)
    def browse_the_a_to_z(self):
        self.client.get("/en/conditions/")
        self.client.get("/es/conditions/")

    @task(3)
    def search(self):
        query = pick(QUERIES)
        self.client.get("/en/search/suggest/", params={"q": query[:3]}, name="/en/search/suggest/")
        self.client.get("/en/search/", params={"q": query}, name="/en/search/")

    @task(1)
    def sign_up(self):
        """What static/js/site.js does: a token, then the footer form's POST."""
        self.client.get(f"/en/conditions/{pick(GUIDES)}/", name="/en/conditions/[guide]/")
        answer = self.client.get("/en/newsletter/token/")
        token = answer.json()["token"]
        # The production cookie is Secure; a browser on http://127.0.0.1 sends it anyway,
        # the HTTP client here only when told to.
        cookies = {"csrftoken": answer.cookies["csrftoken"]}
        email = f"visitor-{uuid.uuid4().hex}@example.org"
        with self.client.post(
            "/en/newsletter/",
            data={
                "csrfmiddlewaretoken": token,
                "first_name": "Load",
                "last_name": "Test",
                "email": email,
                "confirm_email": email,
            },
            cookies=cookies,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                signups.append(email)
                response.success()
            else:
                response.failure(f"signup answered {response.status_code}")


@events.test_stop.add_listener
def write_signups(**kwargs):
    with open(os.environ["LOADTEST_SIGNUPS"], "w") as file:
        json.dump(signups, file)
