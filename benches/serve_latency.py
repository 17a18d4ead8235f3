#!/usr/bin/env python3
"""Edit-to-reload latency of `clausier serve` (issue 16), with Python's
standard library only: starts the preview of a corpus copy, listens to its
reload events as a page does, saves a clause, and times the save until the
page has its new text (the reload event, then the page fetched again).

    benches/serve_latency.py BINARY CORPUS [RUNS]

CORPUS is edited in place: pass a scratch copy. Prints the median and the
slowest of RUNS saves, in milliseconds."""
import http.client
import re
import socket
import statistics
import subprocess
import sys
import time

binary, corpus = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
clause = f"{corpus}/contracts/dpa/fr.md"

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen([binary, "serve", "--root", corpus, "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def get(path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    body = connection.getresponse().read().decode()
    connection.close()
    return body


try:
    for _ in range(600):
        try:
            generation = int(get("/__clausier/version"))
            if generation > 0:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.1)
    else:
        sys.exit("the preview did not start")
    latencies = []
    for run in range(runs):
        generation = int(get("/__clausier/version"))
        events = socket.create_connection(("127.0.0.1", port), timeout=60)
        events.sendall(f"GET /__clausier/events?since={generation} HTTP/1.1\r\n"
                       f"Host: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        time.sleep(2)  # the stream is open, the last save's PDFs are built
        marker = f"Durée-{run}-{time.time_ns()}"
        text = open(clause, encoding="utf-8").read()
        text = re.sub(r"^# [^{\n]*\{#duration\}", f"# {marker} {{#duration}}", text, count=1, flags=re.M)
        saved = time.perf_counter()
        with open(clause, "w", encoding="utf-8") as file:
            file.write(text)
        received = b""
        while b"event: reload" not in received and b"event:reload" not in received:
            chunk = events.recv(4096)
            if not chunk:
                sys.exit("the event stream closed")
            received += chunk
        page = get("/fr/dpa.html")
        reloaded = time.perf_counter()
        events.close()
        if marker not in page:
            sys.exit("the reloaded page does not show the edit")
        latencies.append((reloaded - saved) * 1000)
    print(f"serve, edit to reload: median {statistics.median(latencies):.0f} ms, "
          f"slowest {max(latencies):.0f} ms ({runs} saves)")
finally:
    server.terminate()
    server.wait()
