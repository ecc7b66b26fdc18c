"""Helpers of .ci/contract: fetch a bearer token, compare documented with observed statuses, print figures."""

import json
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

METHODS = ("get", "put", "post", "delete", "patch")


def post_json(url, body, headers=None):
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json", **(headers or {})},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response), response.headers.get_all("set-cookie") or []


def token(base, username, password):
    """Sign in with a session, then trade it for an API token (the way a script would)."""
    signed, cookies = post_json(f"{base}/api/v1/session", {"username": username, "password": password})
    cookie = "; ".join(c.split(";", 1)[0] for c in cookies)
    created, _ = post_json(
        f"{base}/api/v1/tokens",
        {"name": f"contract check as {username}"},
        {"cookie": cookie, "x-csrf-token": signed["csrf_token"]},
    )
    print(created["token"])


def documented(openapi_url):
    """{(METHOD, path template): {status, ...}} from the served document."""
    with urllib.request.urlopen(openapi_url, timeout=30) as response:
        doc = json.load(response)
    return {
        (method.upper(), path): set(operation.get("responses", {}))
        for path, item in doc["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    }


def template_matcher(templates):
    """Maps a concrete path to its template; literal segments win over parameters."""
    compiled = []
    for template in templates:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        compiled.append((template.count("{"), re.compile(pattern), template))
    compiled.sort(key=lambda entry: entry[0])

    def match(path):
        for _, regex, template in compiled:
            if regex.match(path):
                return template
        return None

    return match


def observed(ndjson_files, match):
    """{(METHOD, template): {status, ...}} of every request recorded by schemathesis."""
    seen = {}
    for name in ndjson_files:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            finished = event.get("ScenarioFinished")
            if not finished:
                continue
            for interaction in finished["recorder"].get("interactions", {}).values():
                response = interaction.get("response")
                if not response:
                    continue
                request = interaction["request"]
                path = urllib.parse.urlsplit(request["uri"]).path
                template = match(path)
                if template is None:
                    continue
                key = (request["method"].upper(), template)
                seen.setdefault(key, set()).add(str(response["status_code"]))
    return seen


def allowlist(path):
    """Entries `METHOD PATH STATUS TEST REASON`; `*` matches any method or path."""
    entries = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 4)
        if len(parts) < 5:
            raise SystemExit(f"{path}:{number}: want METHOD PATH STATUS TEST REASON")
        entries.append({"line": number, "method": parts[0], "path": parts[1], "status": parts[2],
                        "test": parts[3], "reason": parts[4], "used": False})
    return entries


def test_exists(reference, root):
    """`tests/it/file.rs::name` names a test function that exists."""
    file, _, name = reference.partition("::")
    source = root / file
    return source.is_file() and re.search(rf"\bfn {re.escape(name)}\b", source.read_text(encoding="utf-8"))


def coverage(openapi_url, allowlist_path, *ndjson_files):
    docs = documented(openapi_url)
    match = template_matcher({template for _, template in docs})
    seen = observed(ndjson_files, match)
    entries = allowlist(allowlist_path)
    root = Path(allowlist_path).resolve().parent.parent
    problems = 0
    for entry in entries:
        if not test_exists(entry["test"], root):
            print(f"{allowlist_path}:{entry['line']}: no test {entry['test']}")
            problems += 1
    unexplained, explained, total = [], 0, 0
    for (method, path), statuses in sorted(docs.items()):
        for status in sorted(statuses):
            total += 1
            if status in seen.get((method, path), set()):
                continue
            covering = [e for e in entries
                        if e["status"] == status and e["method"] in ("*", method) and e["path"] in ("*", path)]
            if covering:
                explained += 1
                for e in covering:
                    e["used"] = True
            else:
                unexplained.append(f"{method} {path} {status}")
    undocumented = [f"{method} {path} {status}"
                    for (method, path), statuses in sorted(seen.items()) if (method, path) in docs
                    for status in sorted(statuses - docs[(method, path)])]
    observed_count = total - explained - len(unexplained)
    print(f"documented statuses: {total}; seen in this run: {observed_count}; "
          f"shown by Rust tests instead (.ci/contract-unobserved): {explained}; unexplained: {len(unexplained)}")
    for entry in entries:
        if not entry["used"]:
            print(f"note: {allowlist_path}:{entry['line']} was not needed in this run "
                  f"({entry['method']} {entry['path']} {entry['status']})")
    for line in unexplained:
        print(f"documented but never seen, and no test listed: {line}")
    for line in undocumented:
        print(f"returned but not documented: {line}")
    return 1 if unexplained or undocumented or problems else 0


def figures(*reports):
    """The run's figures from schemathesis's JSON reports."""
    for name in reports:
        report = json.loads(Path(name).read_text(encoding="utf-8"))
        operations, cases = report["operations"] or {}, report["test_cases"]
        failures = sum(group["count"] for group in report["failures"])
        print(f"{Path(name).stem}: schemathesis {report['schemathesis_version']}, "
              f"{operations.get('tested')} of {operations.get('total')} operations tested, "
              f"{cases['generated']} test cases, {failures} failures, {len(report['errors'])} errors, "
              f"{report['running_time']:.0f} s")


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "token":
        token(*args)
        return 0
    if command == "coverage":
        return coverage(*args)
    if command == "figures":
        figures(*args)
        return 0
    print(f"unknown command {command}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
