# A static web site served by BusyBox httpd from ~/www (edit it through the terminal).
mkdir -p "$HOME/www"
[ -f "$HOME/www/index.html" ] || cat > "$HOME/www/index.html" <<HTML
<!doctype html>
<html><head><meta charset="utf-8"><title>$SITE_TITLE</title></head>
<body><h1>$SITE_TITLE</h1><p>$SITE_TEXT</p></body></html>
HTML
echo "serving $HOME/www on port $PORT"
exec busybox httpd -f -v -p "$PORT" -h "$HOME/www"
