# A C build box (gcc, make): builds and runs ~/hello to prove the toolchain, then waits for you.
mkdir -p "$HOME/hello" && cd "$HOME/hello" || exit 1
cat > hello.c <<'C'
#include <stdio.h>
int main(void) { printf("hello from a Hearth build box\n"); return 0; }
C
printf 'hello: hello.c\n\t$(CC) $(CFLAGS) -o $@ $<\n' > Makefile
make -s && ./hello || exit 1
exec sleep infinity
