/* fuzz.h - shared by the libFuzzer harnesses of tests/fuzz/.
 *
 * Each harness defines LLVMFuzzerTestOneInput.  Built with
 * clang -fsanitize=fuzzer it is a fuzzer; linked with replay_main.c (any
 * compiler) it replays the files named on its command line, so the corpora
 * double as regression tests (make check-fuzz). */
#ifndef BIANMIN_FUZZ_H
#define BIANMIN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The loaders read a path, so each input goes to a per-process file in
 * /dev/shm (memory, not disk); the harness unlinks it after loading.
 * Returns the path (static storage). */
static inline const char *fuzz_file(const uint8_t *data, size_t size, const char *ext)
{
	static char path[128];
	const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(path, sizeof path, "%s/bianmin-fuzz-%ld.%s", dir, (long)getpid(), ext);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	if (fclose(f) != 0)
		abort();
	return path;
}

/* A NUL-terminated copy of the input (the string APIs take C strings). */
static inline char *fuzz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
