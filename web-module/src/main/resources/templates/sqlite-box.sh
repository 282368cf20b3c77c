# An SQLite database in ~/$DB_FILE, created with SCHEMA; use it through the terminal (sqlite3).
cd "$HOME" || exit 1
sqlite3 "$DB_FILE" "$SCHEMA" || exit 1
echo "SQLite database ready: $HOME/$DB_FILE"
exec sleep infinity
