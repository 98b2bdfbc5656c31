#!/usr/bin/env python3
"""A real OpenID Connect provider on loopback for scripts/oidc-check: oidc-provider-mock
(PyPI; authlib and Flask underneath) with the people the check signs in as, and one test
hook: `GET /test/token?mode=tamper|expire|audience|none` makes the token endpoint's next ID
tokens tampered (a claim changed after signing), expired or issued for another client
(both signed with the provider's own key), so the workspace's refusals are tested against
the provider's real keys and endpoints.

Usage: scripts/oidc_provider.py PORT
"""
import json
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore")
os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # plain HTTP on loopback only

import flask  # noqa: E402
import uvicorn  # noqa: E402
from joserfc import jwt  # noqa: E402
from joserfc.jwk import RSAKey  # noqa: E402
import oidc_provider_mock  # noqa: E402
from oidc_provider_mock._storage import User  # noqa: E402

PEOPLE = [
    User(sub="lead-person", claims={"preferred_username": "lead-7", "groups": ["staff", "ehcp-leads"]}),
    User(sub="dco-person", claims={"preferred_username": "dco-7", "groups": ["ehcp-dco"]}),
    User(sub="no-role-person", claims={"preferred_username": "visitor-7", "groups": ["staff"]}),
]

app = oidc_provider_mock.app(require_nonce=True, user_claims=PEOPLE)
found = {}
mode = {"value": "none"}


@app.before_request
def keep_storage():
    # The provider keeps its signing key in per-app storage, reachable during a request.
    found["storage"] = flask.g.oidc_provider_mock_storage


def b64url_json(part):
    import base64
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def b64url(data):
    import base64
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def changed(token):
    header_part, claims_part, signature = token.split(".")
    header, claims = b64url_json(header_part), b64url_json(claims_part)
    if mode["value"] == "tamper":
        claims["groups"] = ["ehcp-leads"]
        claims["preferred_username"] = "tampered-7"
        return f"{header_part}.{b64url(claims)}.{signature}"
    if mode["value"] == "expire":
        claims["iat"], claims["exp"] = int(time.time()) - 7200, int(time.time()) - 3600
    elif mode["value"] == "audience":
        claims["aud"] = "another-application"
    key = RSAKey.import_key(found["storage"].jwk.as_dict(is_private=True))
    return jwt.encode({k: v for k, v in header.items() if k in ("alg", "kid", "typ")}, claims, key)


def application(environ, start_response):
    path = environ.get("PATH_INFO", "")
    if path == "/test/token":
        mode["value"] = environ.get("QUERY_STRING", "").removeprefix("mode=")
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [mode["value"].encode()]
    if path != "/oauth2/token" or mode["value"] == "none":
        return app(environ, start_response)
    kept = {}

    def keep(status, headers, exc_info=None):
        kept["status"], kept["headers"] = status, headers

    body = b"".join(app(environ, keep))
    if kept["status"].startswith("200"):
        answer = json.loads(body)
        answer["id_token"] = changed(answer["id_token"])
        body = json.dumps(answer).encode()
    headers = [(k, v) for k, v in kept["headers"] if k.lower() != "content-length"]
    start_response(kept["status"], headers + [("Content-Length", str(len(body)))])
    return [body]


if __name__ == "__main__":
    uvicorn.run(application, interface="wsgi", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
