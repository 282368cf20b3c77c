# A Node.js HTTP service (standard library only) answering JSON; edit ~/server.js and restart.
[ -f "$HOME/server.js" ] || cat > "$HOME/server.js" <<'JS'
const http = require("http");
const port = Number(process.env.PORT);
let hits = 0;
http
  .createServer((req, res) => {
    hits++;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ message: process.env.MESSAGE, path: req.url, hits }));
  })
  .listen(port, "127.0.0.1", () => console.log(`listening on port ${port}`));
JS
exec node "$HOME/server.js"
