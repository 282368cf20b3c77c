# Redis with a password (kept in a config file only the VM's user reads, not on the command line).
umask 077
pw=$(printf '%s' "$REDIS_PASSWORD" | sed 's/\\/\\\\/g; s/"/\\"/g')
printf 'requirepass "%s"\n' "$pw" > "$HOME/redis.conf"
unset pw
exec env -u REDIS_PASSWORD redis-server "$HOME/redis.conf" --port "$PORT" --bind 127.0.0.1 \
  --dir "$HOME" --maxmemory "$MAXMEMORY" --maxmemory-policy allkeys-lru --daemonize no
