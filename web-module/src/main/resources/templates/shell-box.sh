# A plain Linux shell: open the VM's terminal. MOTD greets every login.
printf '%s\n' "$MOTD" > "$HOME/.motd"
grep -q hearth-motd "$HOME/.profile" 2>/dev/null || echo 'cat "$HOME/.motd" # hearth-motd' >> "$HOME/.profile"
exec sleep infinity
