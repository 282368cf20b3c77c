# A JSON notes API on Python's standard library: GET /health, GET /notes, POST /notes.
# With API_TOKEN set, /notes wants "Authorization: Bearer <API_TOKEN>".
exec python3 -u - <<'PY'
import json, os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

notes = []
token = os.environ.get("API_TOKEN")


class Api(BaseHTTPRequestHandler):
    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def authorized(self):
        return not token or self.headers.get("Authorization") == "Bearer " + token

    def do_GET(self):
        if self.path == "/health":
            return self.reply(200, {"status": "ok", "notes": len(notes)})
        if self.path != "/notes":
            return self.reply(404, {"error": "not found"})
        if not self.authorized():
            return self.reply(401, {"error": "unauthorized"})
        self.reply(200, notes)

    def do_POST(self):
        if self.path != "/notes":
            return self.reply(404, {"error": "not found"})
        if not self.authorized():
            return self.reply(401, {"error": "unauthorized"})
        length = int(self.headers.get("Content-Length") or 0)
        try:
            note = json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            return self.reply(400, {"error": "the body is not JSON"})
        notes.append(note)
        self.reply(201, {"id": len(notes), "note": note})


port = int(os.environ["PORT"])
print("notes API on port", port)
ThreadingHTTPServer(("127.0.0.1", port), Api).serve_forever()
PY
